using AgentTestGuard.TestingPlatform.Classification;
using AgentTestGuard.TestingPlatform.Results;
using AgentTestGuard.TestingPlatform.Tests.TestSupport;
using Xunit;

namespace AgentTestGuard.TestingPlatform.Tests.Results;

public sealed class RunResultsTests
{
    [Fact]
    public void A_single_report_is_one_result_of_one_attempt()
    {
        var results = new RunResults();

        results.Report(Make.Gating("N.T.M", TestOutcome.Passed));

        var only = Assert.Single(results.Snapshot());
        Assert.Equal(("N.T.M", TestOutcome.Passed, 1), (only.Id, only.Outcome, only.Attempts));
    }

    [Fact]
    public void Every_result_counts_even_when_rows_share_a_test_and_a_display_name()
    {
        var results = new RunResults();

        // xunit v3's rows of a theory it did not enumerate at discovery, as its adapter reports them:
        // one node uid for all, the row in the display name, and a repeated row with the same name.
        results.Report(Make.Result("N.T.Rows", TestOutcome.Failed, TestClass.Gating, "row 1", displayName: "N.T.Rows(n: 1)"));
        results.Report(Make.Result("N.T.Rows", TestOutcome.Passed, TestClass.Gating, displayName: "N.T.Rows(n: 2)"));
        results.Report(Make.Result("N.T.Rows", TestOutcome.Failed, TestClass.Gating, "row 3", displayName: "N.T.Rows(n: 2)"));
        results.Report(Make.Result("N.T.Rows", TestOutcome.Passed, TestClass.Gating, displayName: "N.T.Rows(n: 2)"));

        Assert.Equal(
            [("N.T.Rows(n: 1)", TestOutcome.Failed, "row 1", 1), ("N.T.Rows(n: 2)", TestOutcome.Passed, null, 1), ("N.T.Rows(n: 2)", TestOutcome.Failed, "row 3", 1), ("N.T.Rows(n: 2)", TestOutcome.Passed, null, 1)],
            results.Snapshot().Select(r => (r.DisplayName, r.Outcome, r.FailureMessage, r.Attempts)));
    }

    [Fact]
    public void Over_thousands_of_results_each_keeps_its_place()
    {
        var results = new RunResults();

        // More results than one block holds.
        for (var i = 0; i < 3000; i++)
        {
            results.Report(Make.Gating($"N.T.M{i % 1000}", i % 3 == 0 ? TestOutcome.Failed : TestOutcome.Passed));
        }

        Assert.Equal(
            Enumerable.Range(0, 3000).Select(i => ($"N.T.M{i % 1000}", i % 3 == 0 ? TestOutcome.Failed : TestOutcome.Passed)),
            results.Snapshot().Select(r => (r.Id, r.Outcome)));
    }

    [Fact]
    public void Results_reported_from_several_threads_at_once_are_all_kept()
    {
        var results = new RunResults();

        // 1,000 tests, each reported 20 times, from four threads at once.
        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            results.Report(Make.Gating($"N.T.M{i % 1000}", TestOutcome.Passed)));

        var snapshot = results.Snapshot();
        Assert.Equal(20_000, snapshot.Count);
        Assert.All(snapshot.CountBy(r => r.Id), pair => Assert.Equal(20, pair.Value));
    }

    [Fact]
    public void An_empty_run_has_no_results() =>
        Assert.Empty(new RunResults().Snapshot());
}
