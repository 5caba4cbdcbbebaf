using AgentTestGuard.Approvals;
using AgentTestGuard.TestingPlatform.Results;
using AgentTestGuard.TestingPlatform.Reruns;
using AgentTestGuard.TestingPlatform.Tests.TestSupport;
using Xunit;
using TestResult = AgentTestGuard.TestingPlatform.Results.TestResult;

namespace AgentTestGuard.TestingPlatform.Tests.Reruns;

public sealed class RerunPlanTests
{
    private static readonly Inventory.AgentTest Unapproved = Make.Test("Shop.Tests.CartTests.Unapproved", ApprovalState.Unapproved);
    private static readonly Inventory.AgentTest Stale = Make.Test("Shop.Tests.CartTests.Stale", ApprovalState.Stale);
    private static readonly Inventory.AgentTest Approved = Make.Test("Shop.Tests.CartTests.Approved", ApprovalState.Approved);
    private static readonly Inventory.AgentTest Rejected = Make.Test("Shop.Tests.CartTests.Rejected", ApprovalState.Rejected);
    private static readonly Inventory.AgentTest RejectedSinceTheBuild = Make.Test("Shop.Tests.CartTests.RejectedSinceTheBuild", ApprovalState.Unapproved);

    private static TestResult Of(Inventory.AgentTest test, TestOutcome outcome, string uid, double milliseconds = 5, string? displayName = null) =>
        Make.Of(test, outcome, duration: TimeSpan.FromMilliseconds(milliseconds)) with { Uid = uid, DisplayName = displayName ?? test.Id };

    [Fact]
    public void Only_unapproved_and_stale_agent_tests_that_passed_or_failed_are_rerun()
    {
        IReadOnlyList<TestResult> results =
        [
            Make.Gating("Shop.Tests.OtherTests.Works", TestOutcome.Failed) with { Uid = "gating" },
            Of(Approved, TestOutcome.Failed, "approved"),
            Of(Unapproved, TestOutcome.Passed, "unapproved"),
            Of(Stale, TestOutcome.Error, "stale"),
            Of(Rejected, TestOutcome.Failed, "rejected"),
            Of(RejectedSinceTheBuild, TestOutcome.Failed, "rejected-since"),
            Of(Make.Test("Shop.Tests.CartTests.Skipped", ApprovalState.Unapproved), TestOutcome.Skipped, "skipped"),
            Of(Make.Test("Shop.Tests.CartTests.NoUid", ApprovalState.Unapproved), TestOutcome.Passed, "x") with { Uid = null },
        ];

        var plan = RerunPlan.Make(results, requested: 5, test => test == RejectedSinceTheBuild);

        Assert.Equal(
            [new RerunCandidate("unapproved", TimeSpan.FromMilliseconds(5), 5), new RerunCandidate("stale", TimeSpan.FromMilliseconds(5), 5)],
            plan.Candidates);
        Assert.Equal([false, false, true, true, false, false, false, false], results.Select(plan.Covers));
    }

    [Fact]
    public void Rows_reported_under_one_uid_are_one_candidate_whose_duration_is_their_sum()
    {
        var plan = RerunPlan.Make(
            [Of(Unapproved, TestOutcome.Passed, "theory", 4_000, "row 1"), Of(Unapproved, TestOutcome.Failed, "theory", 6_000, "row 2")],
            requested: 5,
            _ => false);

        Assert.Equal([new RerunCandidate("theory", TimeSpan.FromSeconds(10), 3)], plan.Candidates);
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(5, 5)]
    [InlineData(5_999, 5)]
    [InlineData(6_000, 5)]
    [InlineData(7_500, 4)]
    [InlineData(10_000, 3)]
    [InlineData(15_000, 2)]
    [InlineData(29_000, 1)]
    [InlineData(60_000, 1)]
    public void A_test_gets_at_most_30_seconds_divided_by_its_duration_reruns_and_at_least_one(int milliseconds, int reruns) =>
        Assert.Equal(reruns, RerunPlan.RerunsFor(TimeSpan.FromMilliseconds(milliseconds), requested: 5));

    [Fact]
    public void Later_rounds_run_only_the_tests_with_reruns_left()
    {
        var plan = RerunPlan.Make(
            [Of(Unapproved, TestOutcome.Passed, "fast", 1), Of(Stale, TestOutcome.Passed, "slow", 12_000)],
            requested: 3,
            _ => false);

        Assert.Equal(["fast", "slow"], plan.ForRound(1).Select(c => c.Uid));
        Assert.Equal(["fast", "slow"], plan.ForRound(2).Select(c => c.Uid));
        Assert.Equal(["fast"], plan.ForRound(3).Select(c => c.Uid));
    }

    [Fact]
    public void No_reruns_requested_plans_nothing() =>
        Assert.True(RerunPlan.Make([Of(Unapproved, TestOutcome.Failed, "unapproved")], requested: 0, _ => false).IsEmpty);
}
