using AgentTestGuard.Approvals;
using AgentTestGuard.Decisions;
using AgentTestGuard.EndToEnd.Tests.Infrastructure;

namespace AgentTestGuard.EndToEnd.Tests.Build;

/// <summary>While an agent is stopped, the build refuses its tests that await review, and only those.</summary>
public sealed class StoppedAgentBuildTests
{
    private const string Dana = "Dana Lee <dana@example.com>";

    [Fact]
    public async Task A_stopped_agents_unreviewed_tests_fail_the_build_at_their_code_until_approved_or_a_human_lets_it_continue()
    {
        var project = Sources.ValidProject(TestFramework.XunitV3, "Shop.Tests");
        Assert.Equal(0, (await project.BuildAsync()).ExitCode);
        var total = project.ReadInventory().Tests.Single(t => t.Id == "Shop.Tests.CartTests.Total_includes_tax");
        var at = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

        // copilot has three tests: Total approved, Second approved for an older version (stale),
        // First unapproved. claude-code's test is unapproved, but claude-code is not stopped.
        ApprovalLedger.Write(Path.Combine(project.Root, "agenttestguard.approvals.jsonl"),
        [
            new("Shop.Tests", total.Id, total.Fingerprint, Dana, at),
            new("Shop.Tests", "Shop.Tests.AgentClassTests.Second", "v2:" + new string('0', 32), Dana, at),
        ]);
        var decisions = Path.Combine(project.Root, DecisionLog.FileName);
        DecisionLog.Write(decisions, [new AgentDecision("copilot", true, Dana, at.AddHours(1), "three false alarms this week")]);

        var refused = await project.BuildAsync();

        Assert.Equal(1, refused.ExitCode);
        var file = Path.Combine(project.Directory, "CartTests.cs");
        var first = project.LineOf("CartTests.cs", "public void First()") + 1;
        var second = project.LineOf("CartTests.cs", "public void Second()") + 1;
        Assert.Equal(
            [("AGT0019", file, first, "error"), ("AGT0019", file, second, "error")],
            refused.Diagnostics.Select(d => (d.Code, d.File, d.Line, d.Severity)).Order());
        Assert.Contains(
            $"{file}({first}): error AGT0019: Agent 'copilot' is stopped, so its test 'Shop.Tests.AgentClassTests.First', unapproved, is refused: "
            + $"Dana Lee <dana@example.com> stopped it at 2026-11-24T13:00:00Z (\"three false alarms this week\", {decisions}(2)). "
            + "A human approves the test (dotnet agt approve Shop.Tests.AgentClassTests.First) or rejects it, or it is removed; "
            + "or a human lets the agent continue (dotnet agt continue copilot --reason \"...\").",
            refused.Output,
            StringComparison.Ordinal);
        Assert.Contains("Shop.Tests.AgentClassTests.Second', changed since its approval (stale), is refused", refused.Output, StringComparison.Ordinal);

        // A reviewer can still approve a refused test: the tool's own build lists the tests without
        // refusing them. The next build, back to refusing, passes the approved test and refuses the other.
        await Tool.ToolTests.InstallToolAsync(project);
        var approve = await Tool.ToolTests.AgtAsync(project, "approve", "Shop.Tests.AgentClassTests.First", "--by", Dana, "--despite", "this test is about the stop rule, not its runs");
        Assert.True(approve.ExitCode == 0, approve.Output);
        var rest = await project.BuildAsync();
        Assert.Equal(1, rest.ExitCode);
        Assert.Equal([("AGT0019", file, second)], rest.Diagnostics.Select(d => (d.Code, d.File, d.Line)));

        // A later decision to continue lifts the stop.
        Assert.True(DecisionLog.Update(decisions, existing => existing.Append(new AgentDecision("copilot", false, Dana, at.AddDays(1), "reviewed the backlog")), out _));
        var continued = await project.BuildAsync();
        Assert.True(continued.ExitCode == 0, continued.Output);
        Assert.DoesNotContain(continued.Diagnostics, d => d.Code == "AGT0019");
    }
}
