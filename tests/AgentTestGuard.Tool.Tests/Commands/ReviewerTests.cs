using AgentTestGuard.Approvals;
using AgentTestGuard.Inventory;
using AgentTestGuard.Tests.Shared;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Commands;
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

    [Fact]
    public void An_identity_the_policys_deny_patterns_match_is_refused()
    {
        using var repository = TempGitRepository.Init();
        var policy = repository.Write("agenttestguard.policy.json", """{ "agents": ["copilot"], "approverDenyPatterns": ["@ci\\.example\\.com>$"] }""");
        var (output, error) = Capture();

        Assert.Null(Reviewer.Identify(repository.Root, [Row("copilot", policy)], "Build Runner <runner@ci.example.com>", output));
        Assert.Equal(
            $"error: refused: 'Build Runner <runner@ci.example.com>' cannot decide on {TestId}: it matches the policy's approver deny pattern '@ci\\.example\\.com>$'. Only a human may approve or reject agent tests.\n",
            error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_policy_that_cannot_be_read_refuses_the_decision_and_says_where()
    {
        using var repository = TempGitRepository.Init();
        var policy = repository.Write("agenttestguard.policy.json", "{\n  \"agents\": [\"acme-bot\"\n}\n");
        var (output, error) = Capture();

        Assert.Null(Reviewer.Identify(repository.Root, [Row("copilot", policy)], "Dana Lee <dana@example.com>", output));
        Assert.Equal(
            $"error: {policy}(3,1): error AGT0005: Not valid JSON: '}}' is invalid without a matching open.\n",
            error.ToString().ReplaceLineEndings("\n"));
    }

    private static (Output Output, StringWriter Error) Capture()
    {
        var error = new StringWriter();
        return (new Output(new StringWriter(), error, colour: false), error);
    }

    // Without a policy file, the test's own agent is still refused.
    private static AgentTestRow Row(string agent, string? policyFile = null) => new(
        new TestProject("/repo/Shop.Tests.csproj", "Shop.Tests", [new("net10.0", "/repo/obj/Shop.Tests.agenttests.json")], "/repo/agenttestguard.approvals.jsonl", policyFile, []),
        new AgentTest(TestId, "Shop.Tests.CartTests", "Total", agent, AgentEvidence.None, ["CART-12"], new string('a', 32), Source: null),
        ApprovalState.Unapproved,
        Rejected: false);
}
