using AgentTestGuard.Tests.Shared;
using AgentTestGuard.Tool.Git;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Git;

public sealed class GitIdentityTests
{
    [Fact]
    public void The_identity_is_the_named_folders_repositorys_not_the_current_folders()
    {
        using var dana = TempGitRepository.Init("Dana Lee <dana@example.com>");
        using var sam = TempGitRepository.Init("Sam Roe <sam@example.com>");
        Directory.CreateDirectory(sam.PathOf("tests"));

        Assert.Equal(("Dana Lee <dana@example.com>", (string?)null), GitIdentity.Resolve(dana.Root, by: null));
        Assert.Equal(("Sam Roe <sam@example.com>", (string?)null), GitIdentity.Resolve(sam.PathOf("tests"), by: null));
    }

    [Fact]
    public void Without_user_name_and_email_there_is_no_identity_and_the_fix_is_named()
    {
        using var repository = TempGitRepository.Init(identity: null);
        repository.Run("config", "user.name", "Dana Lee");

        Assert.Equal(
            ((string?)null, "git has no user.name and user.email here: set them (git config user.name / user.email) or pass --by \"Name <email>\""),
            GitIdentity.Resolve(repository.Root, by: null));
    }

    [Fact]
    public void By_wins_over_git_and_is_trimmed()
    {
        using var repository = TempGitRepository.Init();

        Assert.Equal(("Sam Roe <sam@example.com>", (string?)null), GitIdentity.Resolve(repository.Root, "  Sam Roe <sam@example.com> "));
    }

    [Theory]
    [InlineData("Sam Roe")]
    [InlineData("<sam@example.com>")]
    [InlineData("Sam Roe <sam.example.com>")]
    [InlineData("Sam Roe <@example.com>")]
    [InlineData("Sam Roe sam@example.com>")]
    public void By_that_is_not_name_and_email_is_refused(string by)
    {
        Assert.Equal(((string?)null, $"--by must be \"Name <email>\", not '{by}'"), GitIdentity.Resolve(Path.GetTempPath(), by));
    }

    [Fact]
    public void By_with_control_characters_is_quoted_inertly_in_the_refusal()
    {
        Assert.Equal(
            ((string?)null, "--by must be \"Name <email>\", not '\\u001B[31mSam'"),
            GitIdentity.Resolve(Path.GetTempPath(), "\u001b[31mSam"));
    }
}
