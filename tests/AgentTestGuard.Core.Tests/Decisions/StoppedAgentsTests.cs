using AgentTestGuard.Approvals;
using AgentTestGuard.Configuration;
using AgentTestGuard.Core.Tests.Configuration;
using AgentTestGuard.Decisions;
using AgentTestGuard.Inventory;
using Xunit;

namespace AgentTestGuard.Core.Tests.Decisions;

public sealed class StoppedAgentsTests
{
    private const string Dana = "Dana Lee <dana@example.com>";
    private const string DecisionsPath = "/r/agenttestguard.decisions.jsonl";
    private static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_stopped_agents_unapproved_and_stale_tests_are_refused_at_their_code_naming_the_decision()
    {
        AgentTest[] tests =
        [
            Test("Approved", ApprovalState.Approved),
            Test("Stale", ApprovalState.Stale),
            Test("Unapproved", ApprovalState.Unapproved),
            Test("Rejected", ApprovalState.Rejected),
            Test("Other", ApprovalState.Unapproved, agent: "claude-code"),
        ];
        AgentDecision[] decisions = [new("Copilot", true, Dana, Noon, "three false alarms this week", Line: 4)];

        var refused = StoppedAgents.Refuse(tests, decisions, DecisionsPath, "/r/bin/Shop.Tests.dll");

        Assert.Equal(
            [
                ("AGT0019", "/r/CartTests.cs", 11,
                    "Agent 'copilot' is stopped, so its test 'Shop.Tests.CartTests.Stale', changed since its approval (stale), is refused: "
                    + "Dana Lee <dana@example.com> stopped it at 2026-11-24T12:00:00Z (\"three false alarms this week\", /r/agenttestguard.decisions.jsonl(4)). "
                    + "A human approves the test (dotnet agt approve Shop.Tests.CartTests.Stale) or rejects it, or it is removed; "
                    + "or a human lets the agent continue (dotnet agt continue copilot --reason \"...\")."),
                ("AGT0019", "/r/CartTests.cs", 12,
                    "Agent 'copilot' is stopped, so its test 'Shop.Tests.CartTests.Unapproved', unapproved, is refused: "
                    + "Dana Lee <dana@example.com> stopped it at 2026-11-24T12:00:00Z (\"three false alarms this week\", /r/agenttestguard.decisions.jsonl(4)). "
                    + "A human approves the test (dotnet agt approve Shop.Tests.CartTests.Unapproved) or rejects it, or it is removed; "
                    + "or a human lets the agent continue (dotnet agt continue copilot --reason \"...\")."),
            ],
            refused.Select(d => (d.Code, d.File!, d.Line, d.Message)));
    }

    [Fact]
    public void A_later_continue_lifts_the_stop_and_a_later_stop_brings_it_back()
    {
        AgentTest[] tests = [Test("Unapproved", ApprovalState.Unapproved)];
        var stop = new AgentDecision("copilot", true, Dana, Noon, "stop", Line: 2);
        var resume = new AgentDecision("copilot", false, Dana, Noon.AddDays(1), "fixed", Line: 3);
        var again = new AgentDecision("copilot", true, Dana, Noon.AddDays(2), "again", Line: 4);

        Assert.Empty(StoppedAgents.Refuse(tests, [stop, resume], DecisionsPath, "a.dll"));
        Assert.Empty(StoppedAgents.Refuse(tests, [], DecisionsPath, "a.dll"));
        var refused = Assert.Single(StoppedAgents.Refuse(tests, [again, stop, resume], DecisionsPath, "a.dll"));
        Assert.Contains("(\"again\", /r/agenttestguard.decisions.jsonl(4))", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_test_without_a_source_location_is_refused_at_the_assembly_and_agent_text_is_inert()
    {
        AgentTest[] tests = [Test("Unapproved", ApprovalState.Unapproved) with { Source = null }];
        AgentDecision[] decisions = [new("copilot", true, Dana, Noon, "bad\u001b[31m", Line: 2)];

        var refused = Assert.Single(StoppedAgents.Refuse(tests, decisions, DecisionsPath, "/r/bin/Shop.Tests.dll"));

        Assert.Equal(("/r/bin/Shop.Tests.dll", 0), (refused.File, refused.Line));
        Assert.Contains("(\"bad\\u001B[31m\",", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("copilot <copilot@example.com>", "it names 'copilot'")]
    [InlineData("release[bot] <r@example.com>", "[bot]")]
    [InlineData("D", "not \"Name <email>\"")]
    public void A_decision_not_made_by_a_human_is_refused_at_its_line_and_does_not_count(string by, string why)
    {
        using var policyFile = new TempFile("p.json", """{ "agents": ["copilot"] }""");
        var policy = Policy.Load(policyFile.Path, out _);
        var stop = new AgentDecision("copilot", true, Dana, Noon, "stop", Line: 2);
        var selfResume = new AgentDecision("copilot", false, by, Noon.AddDays(1), "all good", Line: 3);

        var diagnostics = HumanDecisions.Check([stop, selfResume], policy, DecisionsPath, out var human);

        var error = Assert.Single(diagnostics);
        Assert.Equal(("AGT0018", DecisionsPath, 3), (error.Code, error.File, error.Line));
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.Equal([stop], human);
        Assert.Single(StoppedAgents.Refuse([Test("Unapproved", ApprovalState.Unapproved)], human, DecisionsPath, "a.dll"));
    }

    private static int LineOf(string name) => name switch
    {
        "Approved" => 10,
        "Stale" => 11,
        "Unapproved" => 12,
        "Rejected" => 13,
        _ => 14,
    };

    private static AgentTest Test(string name, ApprovalState state, string agent = "copilot") =>
        new AgentTest($"Shop.Tests.CartTests.{name}", "Shop.Tests.CartTests", name, agent, AgentEvidence.None, ["CART-12"], new string('a', 32), new SourceLocation("/r/CartTests.cs", LineOf(name)))
        {
            Approval = new TestApproval(state),
        };
}
