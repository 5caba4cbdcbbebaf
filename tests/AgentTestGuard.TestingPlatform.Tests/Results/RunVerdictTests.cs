using AgentTestGuard.Approvals;
using AgentTestGuard.Inventory;
using AgentTestGuard.TestingPlatform.Results;
using AgentTestGuard.TestingPlatform.Tests.TestSupport;
using Xunit;
using TestResult = AgentTestGuard.TestingPlatform.Results.TestResult;

namespace AgentTestGuard.TestingPlatform.Tests.Results;

public sealed class RunVerdictTests
{
    private static readonly AgentTest Approved = Make.Test("Shop.Tests.CartTests.Approved", ApprovalState.Approved);
    private static readonly AgentTest Unapproved = Make.Test("Shop.Tests.CartTests.Unapproved", ApprovalState.Unapproved);
    private static readonly AgentTest Stale = Make.Test("Shop.Tests.CartTests.Stale", ApprovalState.Stale);
    private static readonly AgentTest[] Quarantined = [Stale, Unapproved];

    private static RunVerdict Decide(
        IReadOnlyList<TestResult> results, bool enforce = false, bool ownerNamed = true, bool cancelled = false, IReadOnlyList<AgentTest>? quarantined = null) =>
        RunVerdict.Decide(results, quarantined ?? Quarantined, agentTestsInInventory: 3, enforce, ownerNamed, cancelled);

    [Fact]
    public void Only_quarantined_failures_do_not_fail_the_run()
    {
        var unapprovedFailure = Make.Of(Unapproved, TestOutcome.Failed);
        var staleFailure = Make.Of(Stale, TestOutcome.Failed);

        var verdict = Decide([Make.Gating("N.T.Passes", TestOutcome.Passed), unapprovedFailure, staleFailure, Make.Of(Approved, TestOutcome.Passed)]);

        Assert.True(verdict.IgnoreFailedTestsExitCode);
        Assert.Empty(verdict.GatingFailures);
        Assert.Equal([staleFailure, unapprovedFailure], verdict.QuarantinedFailures);
        Assert.False(verdict.FailsForEnforcement);
    }

    [Fact]
    public void Failures_are_listed_by_id_then_display_name_whatever_order_they_finished_in()
    {
        var secondCase = Make.Gating("N.T.Theory", TestOutcome.Failed) with { DisplayName = "Theory(2)" };
        var firstCase = Make.Gating("N.T.Theory", TestOutcome.Failed) with { DisplayName = "Theory(1)" };
        var other = Make.Gating("N.A.Fails", TestOutcome.Failed);
        var unapprovedFailure = Make.Of(Unapproved, TestOutcome.Failed);
        var staleFailure = Make.Of(Stale, TestOutcome.Failed);

        var verdict = Decide([secondCase, unapprovedFailure, firstCase, staleFailure, other]);

        Assert.Equal([other, firstCase, secondCase], verdict.GatingFailures);
        Assert.Equal([staleFailure, unapprovedFailure], verdict.QuarantinedFailures);
    }

    [Fact]
    public void A_failed_test_that_is_not_an_agent_test_fails_the_run()
    {
        var gating = Make.Gating("N.T.Fails", TestOutcome.Failed);

        var verdict = Decide([gating, Make.Of(Unapproved, TestOutcome.Passed)]);

        Assert.False(verdict.IgnoreFailedTestsExitCode);
        Assert.Equal([gating], verdict.GatingFailures);
        Assert.Empty(verdict.QuarantinedFailures);
    }

    [Fact]
    public void A_failed_approved_agent_test_fails_the_run()
    {
        var approved = Make.Of(Approved, TestOutcome.Failed);

        var verdict = Decide([approved]);

        Assert.False(verdict.IgnoreFailedTestsExitCode);
        Assert.Equal([approved], verdict.GatingFailures);
        Assert.Empty(verdict.QuarantinedFailures);
    }

    [Fact]
    public void Gating_and_quarantined_failures_together_fail_the_run()
    {
        var gating = Make.Gating("N.T.Fails", TestOutcome.Failed);
        var quarantined = Make.Of(Unapproved, TestOutcome.Failed);

        var verdict = Decide([gating, quarantined]);

        Assert.False(verdict.IgnoreFailedTestsExitCode);
        Assert.Equal([gating], verdict.GatingFailures);
        Assert.Equal([quarantined], verdict.QuarantinedFailures);
    }

    [Fact]
    public void A_cancelled_session_is_never_turned_into_a_passing_one()
    {
        var verdict = Decide([Make.Of(Unapproved, TestOutcome.Failed)], cancelled: true);

        Assert.False(verdict.IgnoreFailedTestsExitCode);
        Assert.Single(verdict.QuarantinedFailures);
    }

    [Fact]
    public void Without_failures_there_is_nothing_to_ignore()
    {
        var verdict = Decide([Make.Gating("N.T.Passes", TestOutcome.Passed), Make.Of(Unapproved, TestOutcome.Passed)]);

        Assert.False(verdict.IgnoreFailedTestsExitCode);
        Assert.Empty(verdict.GatingFailures);
        Assert.Empty(verdict.QuarantinedFailures);
    }

    [Theory]
    [InlineData(nameof(TestOutcome.Failed))]
    [InlineData(nameof(TestOutcome.Error))]
    [InlineData(nameof(TestOutcome.TimedOut))]
    [InlineData(nameof(TestOutcome.Cancelled))]
    public void Failed_error_timed_out_and_cancelled_tests_are_failures(string name)
    {
        var outcome = Enum.Parse<TestOutcome>(name);
        var quarantined = Make.Of(Unapproved, outcome);
        var gating = Make.Gating("N.T.M", outcome);

        Assert.Equal([quarantined], Decide([quarantined]).QuarantinedFailures);
        Assert.True(Decide([quarantined]).IgnoreFailedTestsExitCode);
        Assert.Equal([gating], Decide([gating]).GatingFailures);
        Assert.False(Decide([gating]).IgnoreFailedTestsExitCode);
    }

    [Theory]
    [InlineData(nameof(TestOutcome.Passed))]
    [InlineData(nameof(TestOutcome.Skipped))]
    [InlineData(nameof(TestOutcome.NotRun))]
    public void Passed_skipped_and_not_run_tests_are_not_failures(string name)
    {
        var outcome = Enum.Parse<TestOutcome>(name);
        var verdict = Decide([Make.Of(Unapproved, outcome), Make.Gating("N.T.M", outcome)]);

        Assert.Empty(verdict.QuarantinedFailures);
        Assert.Empty(verdict.GatingFailures);
        Assert.False(verdict.IgnoreFailedTestsExitCode);
    }

    [Fact]
    public void Enforce_mode_lists_every_quarantined_test_of_the_inventory_executed_or_not()
    {
        var verdict = Decide([Make.Of(Approved, TestOutcome.Passed)], enforce: true);

        Assert.Equal([Stale, Unapproved], verdict.UnreviewedInEnforceMode);
        Assert.False(verdict.OwnerMissingInEnforceMode);
        Assert.True(verdict.FailsForEnforcement);
    }

    [Fact]
    public void Enforce_mode_with_every_agent_test_approved_passes()
    {
        var verdict = Decide([Make.Of(Approved, TestOutcome.Passed)], enforce: true, quarantined: []);

        Assert.Empty(verdict.UnreviewedInEnforceMode);
        Assert.False(verdict.FailsForEnforcement);
    }

    [Fact]
    public void Enforce_mode_requires_an_owner_when_there_are_agent_tests()
    {
        var verdict = Decide([], enforce: true, ownerNamed: false, quarantined: []);

        Assert.True(verdict.OwnerMissingInEnforceMode);
        Assert.True(verdict.FailsForEnforcement);
    }

    [Fact]
    public void Enforce_mode_without_agent_tests_needs_no_owner()
    {
        var verdict = RunVerdict.Decide([], [], agentTestsInInventory: 0, enforce: true, ownerNamed: false, cancelled: false);

        Assert.False(verdict.OwnerMissingInEnforceMode);
        Assert.False(verdict.FailsForEnforcement);
    }

    [Fact]
    public void Outside_enforce_mode_nothing_is_enforced()
    {
        var verdict = Decide([Make.Of(Unapproved, TestOutcome.Passed)], enforce: false, ownerNamed: false);

        Assert.Empty(verdict.UnreviewedInEnforceMode);
        Assert.False(verdict.OwnerMissingInEnforceMode);
        Assert.False(verdict.FailsForEnforcement);
    }

    [Fact]
    public void Enforce_mode_failing_the_run_is_not_overlooked_with_the_quarantined_failures()
    {
        // Enforcement fails the run with a failed test of its own: ignoring "a test failed"
        // because only quarantined tests failed would ignore that failure too.
        var verdict = Decide([Make.Of(Unapproved, TestOutcome.Failed)], enforce: true);

        Assert.True(verdict.FailsForEnforcement);
        Assert.False(verdict.IgnoreFailedTestsExitCode);
        Assert.Single(verdict.QuarantinedFailures);
    }

    [Fact]
    public void Enforce_mode_without_an_owner_is_not_overlooked_either()
    {
        var verdict = Decide([Make.Of(Unapproved, TestOutcome.Failed)], enforce: true, ownerNamed: false, quarantined: []);

        Assert.True(verdict.OwnerMissingInEnforceMode);
        Assert.False(verdict.IgnoreFailedTestsExitCode);
    }
}
