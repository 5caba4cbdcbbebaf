using AgentTestGuard.Approvals;
using AgentTestGuard.TestingPlatform.Results;
using AgentTestGuard.TestingPlatform.Reruns;
using AgentTestGuard.TestingPlatform.Tests.TestSupport;
using Xunit;
using TestResult = AgentTestGuard.TestingPlatform.Results.TestResult;

namespace AgentTestGuard.TestingPlatform.Tests.Reruns;

public sealed class RerunMergeTests
{
    private static readonly Inventory.AgentTest Discount = Make.Test("Shop.Tests.CartTests.Discount", ApprovalState.Unapproved);
    private static readonly Inventory.AgentTest Rounding = Make.Test("Shop.Tests.CartTests.Rounding", ApprovalState.Stale);

    private static RerunResult Rerun(string uid, string displayName, TestOutcome outcome, string? message = null) =>
        new(uid, displayName, displayName, outcome, TimeSpan.FromMilliseconds(2.5), message);

    [Fact]
    public void Each_rounds_result_is_added_to_the_first_result_of_the_same_uid_and_display_name()
    {
        IReadOnlyList<TestResult> results =
        [
            Make.Gating("Shop.Tests.OtherTests.Works", TestOutcome.Passed) with { Uid = "gating" },
            Make.Of(Discount, TestOutcome.Failed, "first") with { Uid = "discount" },
            Make.Of(Rounding, TestOutcome.Passed) with { Uid = "theory", DisplayName = "Rounding(cents: 1)" },
            Make.Of(Rounding, TestOutcome.Passed) with { Uid = "theory", DisplayName = "Rounding(cents: 2)" },
        ];
        var plan = RerunPlan.Make(results, requested: 2, _ => false);
        IReadOnlyList<IReadOnlyList<RerunResult>> rounds =
        [
            [Rerun("theory", "Rounding(cents: 2)", TestOutcome.Failed, "row 2"), Rerun("discount", "Shop.Tests.CartTests.Discount", TestOutcome.Passed), Rerun("theory", "Rounding(cents: 1)", TestOutcome.Passed)],
            [Rerun("discount", "Shop.Tests.CartTests.Discount", TestOutcome.Failed, "again"), Rerun("theory", "Rounding(cents: 1)", TestOutcome.Passed), Rerun("gating", "Shop.Tests.OtherTests.Works", TestOutcome.Failed)],
        ];

        var merged = RerunMerge.Merge(results, plan, rounds);

        Assert.Same(results[0], merged[0]);
        Assert.Equal((TestOutcome.Failed, "first", 3), (merged[1].Outcome, merged[1].FailureMessage, merged[1].Attempts));
        Assert.Equal(
            [new RerunAttempt(TestOutcome.Passed, TimeSpan.FromMilliseconds(2.5), null), new RerunAttempt(TestOutcome.Failed, TimeSpan.FromMilliseconds(2.5), "again")],
            merged[1].Reruns);
        Assert.Equal([TestOutcome.Passed, TestOutcome.Passed], merged[2].Reruns!.Select(r => r.Outcome));
        Assert.Equal([TestOutcome.Failed], merged[3].Reruns!.Select(r => r.Outcome));
        Assert.Equal([1, 3, 3, 2], merged.Select(r => r.Attempts));
        Assert.Equal([false, true, false, true], merged.Select(r => r.IsFlaky));
        Assert.Equal([1, 1, 3, 1], merged.Select(r => r.PassedAttempts));
    }

    [Fact]
    public void A_message_of_a_rerun_that_passed_is_not_kept() =>
        Assert.Null(Rerun("a", "a", TestOutcome.Passed, "output").ToAttempt().FailureMessage);

    [Theory]
    [InlineData("passed", "passed passed", false)]
    [InlineData("failed", "error timedOut", false)]
    [InlineData("failed", "failed passed", true)]
    [InlineData("passed", "error", true)]
    [InlineData("passed", "skipped", false)]
    [InlineData("skipped", "passed", false)]
    public void A_test_is_flaky_when_its_attempts_include_a_pass_and_a_failure(string first, string reruns, bool flaky)
    {
        var result = Make.Of(Discount, Outcome(first)) with { Reruns = [.. reruns.Split(' ').Select(o => new RerunAttempt(Outcome(o), null, null))] };

        Assert.Equal(flaky, result.IsFlaky);
    }

    private static TestOutcome Outcome(string name) => TestOutcomeExtensions.FromRecordName(name)!.Value;

    [Fact]
    public void A_test_never_rerun_is_not_flaky() =>
        Assert.False(Make.Of(Discount, TestOutcome.Failed).IsFlaky);
}
