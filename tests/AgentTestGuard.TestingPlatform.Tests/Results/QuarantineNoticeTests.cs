using AgentTestGuard.Approvals;
using AgentTestGuard.Inventory;
using AgentTestGuard.TestingPlatform.Results;
using AgentTestGuard.TestingPlatform.Tests.TestSupport;
using Xunit;
using TestResult = AgentTestGuard.TestingPlatform.Results.TestResult;

namespace AgentTestGuard.TestingPlatform.Tests.Results;

public sealed class QuarantineNoticeTests
{
    private static readonly string Record = Path.Combine("results", "Shop.Tests.20261206T050158Z.7badd93b.agentrun.json");
    private static readonly AgentTest RemovesItem = Make.Test("Shop.Tests.CartTests.Removes_item", ApprovalState.Unapproved, "copilot");
    private static readonly AgentTest Totals = Make.Test("Shop.Tests.CartTests.Totals", ApprovalState.Stale, "claude-code");

    private static RunVerdict Decide(params TestResult[] results) =>
        RunVerdict.Decide(results, [RemovesItem, Totals], agentTestsInInventory: 2, enforce: false, ownerNamed: true, cancelled: false);

    [Fact]
    public void Each_quarantined_test_that_failed_gets_a_file_named_for_it_in_a_folder_that_says_it_does_not_fail_the_run()
    {
        var verdict = Decide(
            Make.Of(Totals, TestOutcome.Failed, "Expected: 1\nActual:   2"),
            Make.Of(RemovesItem, TestOutcome.Failed, "first") with { DisplayName = "Shop.Tests.CartTests.Removes_item(count: 1)" },
            Make.Of(RemovesItem, TestOutcome.Failed, "second \u001b[2J") with { DisplayName = "Shop.Tests.CartTests.Removes_item(count: 2)" },
            Make.Of(RemovesItem, TestOutcome.Passed) with { DisplayName = "Shop.Tests.CartTests.Removes_item(count: 3)" },
            Make.Gating("Shop.Tests.OtherTests.Works", TestOutcome.Passed));

        var files = QuarantineNotice.Files(Record, verdict);

        var folder = Path.Combine("results", "Shop.Tests.20261206T050158Z.7badd93b.quarantined-not-failing-the-run");
        Assert.Equal(
            [Path.Combine(folder, "Shop.Tests.CartTests.Removes_item.txt"), Path.Combine(folder, "Shop.Tests.CartTests.Totals.txt")],
            files.Select(f => f.Path));
        Assert.Equal(
            "AgentTestGuard: Shop.Tests.CartTests.Removes_item is quarantined (unapproved, agent copilot): its failures are reported and do not fail the run; no gating test failed.\n"
            + "\nShop.Tests.CartTests.Removes_item(count: 1)\n  first\n"
            + "\nShop.Tests.CartTests.Removes_item(count: 2)\n  second \\u001B[2J\n",
            files[0].Content);
        Assert.EndsWith("\nShop.Tests.CartTests.Totals\n  Expected: 1\n  Actual:   2\n", files[1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_that_fails_gets_none_its_output_is_shown()
    {
        var verdict = Decide(
            Make.Of(RemovesItem, TestOutcome.Failed, "quarantined"),
            Make.Gating("Shop.Tests.OtherTests.Fails", TestOutcome.Failed, "gating"));

        Assert.Empty(QuarantineNotice.Files(Record, verdict));
    }

    [Fact]
    public void A_test_id_becomes_a_plain_file_name()
    {
        var odd = Make.Test("Shop.Tests.Caf\u00e9\u202eTests.M\u00e9thode", ApprovalState.Unapproved);
        var verdict = RunVerdict.Decide([Make.Of(odd, TestOutcome.Failed, "boom")], [odd], 1, enforce: false, ownerNamed: true, cancelled: false);

        var file = Assert.Single(QuarantineNotice.Files(Record, verdict));

        Assert.Equal("Shop.Tests.Caf__Tests.M_thode.txt", Path.GetFileName(file.Path));
    }
}
