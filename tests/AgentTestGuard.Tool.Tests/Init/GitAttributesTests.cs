using AgentTestGuard.Tool.Init;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Init;

public sealed class GitAttributesTests : TempFolder
{
    private const string Comment = "# AgentTestGuard: keep both branches' lines when they approve or record incidents side by side.\n";

    [Fact]
    public void Without_a_file_one_is_created_with_both_lines()
    {
        Assert.Equal(["agenttestguard.approvals.jsonl", "agenttestguard.incidents.jsonl"], GitAttributes.AddUnionMerge(Folder));

        Assert.Equal(Comment + "agenttestguard.approvals.jsonl merge=union\nagenttestguard.incidents.jsonl merge=union\n", Read());
    }

    [Fact]
    public void Lines_are_appended_after_the_existing_ones_and_a_file_the_team_configured_is_left_alone()
    {
        Write(".gitattributes", "* text=auto\n# agenttestguard.incidents.jsonl is commented\nagenttestguard.approvals.jsonl -merge");

        Assert.Equal(["agenttestguard.incidents.jsonl"], GitAttributes.AddUnionMerge(Folder));

        Assert.Equal(
            "* text=auto\n# agenttestguard.incidents.jsonl is commented\nagenttestguard.approvals.jsonl -merge\n" + Comment + "agenttestguard.incidents.jsonl merge=union\n",
            Read());
    }

    [Fact]
    public void When_both_are_there_nothing_changes()
    {
        var text = "agenttestguard.approvals.jsonl merge=union\r\nagenttestguard.incidents.jsonl merge=union\r\n";
        Write(".gitattributes", text);

        Assert.Empty(GitAttributes.AddUnionMerge(Folder));

        Assert.Equal(text, Read());
    }

    private string Read() => File.ReadAllText(Path.Combine(Folder, ".gitattributes"));
}
