using AgentTestGuard.Approvals;
using AgentTestGuard.Inventory;
using AgentTestGuard.TestingPlatform.Reruns;
using AgentTestGuard.TestingPlatform.Results;
using AgentTestGuard.TestingPlatform.Tests.TestSupport;
using Xunit;
using TestResult = AgentTestGuard.TestingPlatform.Results.TestResult;

namespace AgentTestGuard.TestingPlatform.Tests.Results;

/// <summary>How the summary and enforce mode's listing name a flaky test (early flake detection).</summary>
public sealed class FlakyReportingTests
{
    private static readonly AgentTest RemovesItem = Make.Test("Shop.Tests.CartTests.Removes_item", ApprovalState.Unapproved, "copilot", ["CART-12"]);
    private static readonly AgentTest Totals = Make.Test("Shop.Tests.CartTests.Totals", ApprovalState.Unapproved, "claude\u001b[2Jcode");

    private static TestResult Rerun(AgentTest test, TestOutcome first, params TestOutcome[] reruns) =>
        Make.Of(test, first, first.IsFailure() ? "boom" : null) with
        {
            Attempts = 1 + reruns.Length,
            Reruns = [.. reruns.Select(o => new RerunAttempt(o, null, o.IsFailure() ? "boom" : null))],
        };

    [Fact]
    public void The_summary_names_each_flaky_test_with_its_passes_and_attempts_escaped()
    {
        IReadOnlyList<TestResult> results =
        [
            Rerun(Totals, TestOutcome.Passed, TestOutcome.Passed, TestOutcome.Failed, TestOutcome.Passed),
            Rerun(RemovesItem, TestOutcome.Passed, TestOutcome.Passed, TestOutcome.Passed),
        ];
        var verdict = RunVerdict.Decide(results, [RemovesItem, Totals], 2, enforce: false, ownerNamed: true, cancelled: false);

        var summary = RunSummary.Describe(results, [], verdict, "local", new RerunReport(3, 120, 3, null));

        Assert.Equal(
            "AgentTestGuard: 2 agent tests ran: 0 approved, 2 quarantined; 0 quarantined failures; 0 stale approvals.\n"
            + "  Flaky (passed and failed when run again in this run; quarantined, not failing the run):\n"
            + "    Shop.Tests.CartTests.Totals (unapproved, agent claude\\u001B[2Jcode): flaky: passed 3 of 4 attempts",
            summary.Text);
        Assert.True(summary.IsNoteworthy);
        Assert.Equal(["Shop.Tests.CartTests.Totals"], verdict.FlakyTests);
    }

    [Fact]
    public void Reruns_stopped_early_are_told_in_the_summary()
    {
        IReadOnlyList<TestResult> results = [Rerun(RemovesItem, TestOutcome.Passed, TestOutcome.Passed)];
        var verdict = RunVerdict.Decide(results, [RemovesItem], 1, enforce: false, ownerNamed: true, cancelled: false);

        var budget = RunSummary.Format(results, [], verdict, "ci", new RerunReport(5, 30, 1, RerunReport.Budget));
        var problem = RunSummary.Format(results, [], verdict, "ci", new RerunReport(5, 30, 0, "the test app could not be started: denied"));

        Assert.EndsWith("\n  Reruns stopped after 1 round of 5: the time budget of 30 s was spent; the first results stand.", budget, StringComparison.Ordinal);
        Assert.EndsWith("\n  Reruns stopped after 0 rounds of 5: the test app could not be started: denied; the first results stand.", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Enforce_mode_says_flaky_beside_a_flaky_test_awaiting_review()
    {
        IReadOnlyList<TestResult> results = [Rerun(RemovesItem, TestOutcome.Failed, TestOutcome.Passed)];
        var verdict = RunVerdict.Decide(results, [RemovesItem, Totals], 2, enforce: true, ownerNamed: true, cancelled: false);

        Assert.Equal(
            "AgentTestGuard enforce mode: the run fails\n"
            + "  2 agent tests awaiting human review:\n"
            + "    Shop.Tests.CartTests.Removes_item (agent copilot; criteria CART-12; unapproved; flaky)\n"
            + "      approve: dotnet agt approve Shop.Tests.CartTests.Removes_item\n"
            + "    Shop.Tests.CartTests.Totals (agent claude\\u001B[2Jcode; criteria none; unapproved)\n"
            + "      approve: dotnet agt approve Shop.Tests.CartTests.Totals",
            EnforcementListing.Format(verdict));
    }
}
