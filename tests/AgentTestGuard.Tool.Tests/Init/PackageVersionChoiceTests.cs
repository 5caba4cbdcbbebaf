using AgentTestGuard.Tool.Init;
using NuGet.Versioning;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Init;

public sealed class PackageVersionChoiceTests
{
    public PackageVersionChoiceTests() => MSBuildRegistration.Ensure();

    [Fact]
    public void The_highest_stable_version_of_any_source_wins_over_newer_prereleases()
    {
        var choice = PackageVersionChoice.Newest("AgentTestGuard",
        [
            Answer("company", "1.0.0", "1.2.0-beta.1", "0.9.0"),
            Answer("mirror", "1.1.0", "2.0.0-rc.1"),
            new SourceAnswer("offline", null, "unreachable"),
        ]);

        Assert.Equal(("1.1.0", "mirror", null), (choice.Version?.ToNormalizedString(), choice.Source, choice.Problem));
    }

    [Fact]
    public void Without_any_stable_version_the_highest_prerelease_is_taken()
    {
        var choice = PackageVersionChoice.Newest("AgentTestGuard", [Answer("local", "0.1.0-beta.2", "0.1.0-beta.10", "0.1.0-alpha")]);

        Assert.Equal(("0.1.0-beta.10", "local"), (choice.Version?.ToNormalizedString(), choice.Source));
    }

    [Fact]
    public void When_no_source_answers_each_is_named_with_its_problem()
    {
        var choice = PackageVersionChoice.Newest("AgentTestGuard",
            [new SourceAnswer("company", null, "401 Unauthorized"), new SourceAnswer("local", null, "folder not found")]);

        Assert.Null(choice.Version);
        Assert.Equal("no package source answered: company: 401 Unauthorized; local: folder not found", choice.Problem);
    }

    [Fact]
    public void When_the_sources_that_answer_lack_the_package_they_and_the_silent_ones_are_named()
    {
        var choice = PackageVersionChoice.Newest("AgentTestGuard",
            [Answer("company"), Answer("local"), new SourceAnswer("offline", null, "unreachable")]);

        Assert.Null(choice.Version);
        Assert.Equal("AgentTestGuard is not on the package sources (company, local); these did not answer: offline: unreachable", choice.Problem);
    }

    [Fact]
    public void Without_sources_it_says_so()
    {
        Assert.Equal("no package source is configured (nuget.config)", PackageVersionChoice.Newest("AgentTestGuard", []).Problem);
    }

    private static SourceAnswer Answer(string source, params string[] versions) =>
        new(source, [.. versions.Select(NuGetVersion.Parse)]);
}
