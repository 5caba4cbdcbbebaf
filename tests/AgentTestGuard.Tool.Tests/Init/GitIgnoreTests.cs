using AgentTestGuard.Tool.Init;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Init;

public sealed class GitIgnoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("agt-gitignore-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_history_folder_is_added_once_after_what_is_there()
    {
        File.WriteAllText(Path.Combine(_folder, ".gitignore"), "bin/\r\nobj/");

        Assert.True(GitIgnore.AddHistory(_folder));
        Assert.False(GitIgnore.AddHistory(_folder));

        Assert.Equal(
            "bin/\r\nobj/\r\n# AgentTestGuard: the local run history (dotnet agt history import).\r\n/.agenttestguard/\r\n",
            File.ReadAllText(Path.Combine(_folder, ".gitignore")));
    }

    [Theory]
    [InlineData(".agenttestguard")]
    [InlineData(".agenttestguard/")]
    [InlineData("/.agenttestguard/")]
    public void A_line_the_team_wrote_itself_is_enough(string line)
    {
        File.WriteAllText(Path.Combine(_folder, ".gitignore"), line + "\n");

        Assert.False(GitIgnore.AddHistory(_folder));
    }
}
