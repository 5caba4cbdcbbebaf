using AgentTestGuard.Approvals;
using AgentTestGuard.EndToEnd.Tests.Infrastructure;

namespace AgentTestGuard.EndToEnd.Tests.Build;

/// <summary>The build reads the approvals ledger and records each agent test's state in the inventory.</summary>
public sealed class ApprovalBuildTests
{
    private const string Total = "Shop.Tests.CartTests.Total_includes_tax";
    private const string Empty = "Shop.Tests.CartTests.Empty_cart_is_zero";

    [Fact]
    public async Task Approved_then_edited_is_stale_and_the_ledger_is_checked_line_by_line()
    {
        var project = Sources.ValidProject(TestFramework.XunitV3, "Shop.Tests");
        Assert.Equal(0, (await project.BuildAsync()).ExitCode);
        var fingerprint = project.ReadInventory().Tests.Single(t => t.Id == Total).Fingerprint;
        var ledger = Path.Combine(project.Root, "agenttestguard.approvals.jsonl");
        var at = new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero);
        ApprovalLedger.Write(ledger, [new("Shop.Tests", Total, fingerprint, "Dana Lee <dana@example.com>", at)]);

        Assert.Equal(0, (await project.BuildAsync()).ExitCode);
        Assert.Equal(
            new TestApproval(ApprovalState.Approved, "Dana Lee <dana@example.com>", at, fingerprint),
            project.ReadInventory().Tests.Single(t => t.Id == Total).Approval);
        Assert.Equal(ApprovalState.Unapproved, project.ReadInventory().Tests.Single(t => t.Id == Empty).Approval!.State);
        Assert.Equal(ledger, project.ReadInventory().ApprovalsFile);

        // The approved test is edited: its approval no longer holds.
        project.Write("CartTests.cs", Sources.ValidTests(TestFramework.XunitV3).Replace("100 * 1.2", "100 * 1.25", StringComparison.Ordinal));
        Assert.Equal(0, (await project.BuildAsync()).ExitCode);
        Assert.Equal(ApprovalState.Stale, project.ReadInventory().Tests.Single(t => t.Id == Total).Approval!.State);

        // A bot's approval, an approval for a test that does not exist, and a broken line.
        File.AppendAllText(ledger,
            $$"""{"assembly":"Shop.Tests","test":"{{Empty}}","fingerprint":"{{new string('0', 32)}}","approver":"ci-bot[bot] <ci@example.com>","at":"2026-11-24T09:30:00Z"}""" + "\n" +
            $$"""{"assembly":"Shop.Tests","test":"Shop.Tests.CartTests.Gone","fingerprint":"{{new string('0', 32)}}","approver":"Dana Lee <dana@example.com>","at":"2026-11-24T09:30:00Z"}""" + "\n");
        var refused = await project.BuildAsync();
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal([("AGT0014", ledger, 4, "warning"), ("AGT0015", ledger, 3, "error")], refused.Diagnostics.Select(d => (d.Code, d.File, d.Line, d.Severity)).Order());

        File.AppendAllText(ledger, "{ \"assembly\": \"Shop.Tests\", \n");
        var malformed = await project.BuildAsync();
        Assert.Equal(1, malformed.ExitCode);
        Assert.Contains($"{ledger}(5,29): error AGT0013: Not valid JSON", malformed.Output, StringComparison.Ordinal);
    }
}
