using AgentTestGuard.Tool.Init;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Init;

public sealed class GitIgnoreTests : TempFolder
{
    private const string Comment = "# AgentTestGuard: what a dotnet agt command killed mid-write leaves; the next one removes it.\n";

    [Fact]
    public void Without_a_file_one_is_created_ignoring_lock_and_temporary_files()
    {
        Assert.Equal(["agenttestguard.*.lock", ".agenttestguard.*.tmp"], GitIgnore.AddLeftovers(Folder));

        Assert.Equal(Comment + "agenttestguard.*.lock\n.agenttestguard.*.tmp\n", File.ReadAllText(Path.Combine(Folder, ".gitignore")));
    }

    [Fact]
    public void Missing_patterns_are_appended_in_the_files_line_endings_and_listed_ones_left_alone()
    {
        Write(".gitignore", "bin/\r\nagenttestguard.*.lock");

        Assert.Equal([".agenttestguard.*.tmp"], GitIgnore.AddLeftovers(Folder));

        Assert.Equal("bin/\r\nagenttestguard.*.lock\r\n" + Comment.Replace("\n", "\r\n", StringComparison.Ordinal) + ".agenttestguard.*.tmp\r\n", File.ReadAllText(Path.Combine(Folder, ".gitignore")));
        Assert.Empty(GitIgnore.AddLeftovers(Folder));
    }

    [Fact]
    public void The_history_folder_is_added_once_after_what_is_there()
    {
        File.WriteAllText(Path.Combine(Folder, ".gitignore"), "bin/\r\nobj/");

        Assert.True(GitIgnore.AddHistory(Folder));
        Assert.False(GitIgnore.AddHistory(Folder));

        Assert.Equal(
            "bin/\r\nobj/\r\n# AgentTestGuard: the local run history (dotnet agt history import).\r\n/.agenttestguard/\r\n",
            File.ReadAllText(Path.Combine(Folder, ".gitignore")));
    }

    [Theory]
    [InlineData(".agenttestguard")]
    [InlineData(".agenttestguard/")]
    [InlineData("/.agenttestguard/")]
    public void A_line_the_team_wrote_itself_is_enough(string line)
    {
        File.WriteAllText(Path.Combine(Folder, ".gitignore"), line + "\n");

        Assert.False(GitIgnore.AddHistory(Folder));
    }
}
