using AgentTestGuard.Approvals;
using AgentTestGuard.Inventory;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Commands;
using AgentTestGuard.Tool.Tests.TestSupport;
using AgentTestGuard.Tool.Workspace;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Commands;

public sealed class ReviewerTests
{
    private const string TestId = "Shop.Tests.CartTests.Total";

    [Fact]
    public void A_human_identity_from_the_named_repository_is_accepted()
    {
        using var repository = TempGitRepository.Init();
        var (output, error) = Capture();

        Assert.Equal(TempGitRepository.Human, Reviewer.Identify(repository.Root, [Row("copilot")], by: null, output));
        Assert.Empty(error.ToString());
    }

    [Theory]
    [InlineData("ci-bot[bot] <ci-bot@example.com>", "it is a bot account ([bot])")]
    [InlineData("Claude Code <claude@example.com>", "it names 'claude-code', an agent or service account")]
    [InlineData("Release Bot <release@example.com>", "it names a bot")]
    public void An_agent_or_bot_is_refused_naming_the_test_and_why(string by, string why)
    {
        var (output, error) = Capture();

        Assert.Null(Reviewer.Identify(Path.GetTempPath(), [Row("claude-code")], by, output));
        Assert.Equal($"error: refused: '{by}' cannot decide on {TestId}: {why}. Only a human may approve or reject agent tests.\n", error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Without_an_identity_the_fix_is_named()
    {
        using var repository = TempGitRepository.Init(identity: null);
        var (output, error) = Capture();

        Assert.Null(Reviewer.Identify(repository.Root, [Row("copilot")], by: null, output));
        Assert.Equal(
            "error: git has no user.name and user.email here: set them (git config user.name / user.email) or pass --by \"Name <email>\"\n",
            error.ToString().ReplaceLineEndings("\n"));
    }

    private static (Output Output, StringWriter Error) Capture()
    {
        var error = new StringWriter();
        return (new Output(new StringWriter(), error, colour: false), error);
    }

    // No policy file: the test's own agent is still refused.
    private static AgentTestRow Row(string agent) => new(
        new TestProject("/repo/Shop.Tests.csproj", "Shop.Tests", "/repo/obj/Shop.Tests.agenttests.json", "/repo/agenttestguard.approvals.jsonl", PolicyFile: null, []),
        new AgentTest(TestId, "Shop.Tests.CartTests", "Total", agent, AgentEvidence.None, ["CART-12"], new string('a', 32), Source: null),
        ApprovalState.Unapproved,
        Rejected: false);
}
