using AgentTestGuard.TestingPlatform.Classification;
using AgentTestGuard.TestingPlatform.Results;
using AgentTestGuard.TestingPlatform.Tests.TestSupport;
using Xunit;

namespace AgentTestGuard.TestingPlatform.Tests.Results;

public sealed class RunResultsTests
{
    [Fact]
    public void A_single_report_is_one_attempt()
    {
        var results = new RunResults();

        results.Report("uid-1", Make.Gating("N.T.M", TestOutcome.Passed));

        var only = Assert.Single(results.Snapshot());
        Assert.Equal(("N.T.M", TestOutcome.Passed, 1), (only.Id, only.Outcome, only.Attempts));
    }

    [Fact]
    public void The_latest_report_of_a_node_wins_and_counts_the_attempts()
    {
        var results = new RunResults();

        results.Report("uid-1", Make.Gating("N.T.M", TestOutcome.Failed, "first"));
        results.Report("uid-1", Make.Gating("N.T.M", TestOutcome.Failed, "second"));
        results.Report("uid-1", Make.Gating("N.T.M", TestOutcome.Passed));

        var only = Assert.Single(results.Snapshot());
        Assert.Equal(("N.T.M", TestOutcome.Passed, (string?)null, 3), (only.Id, only.Outcome, only.FailureMessage, only.Attempts));
    }

    [Fact]
    public void Nodes_with_the_same_id_are_kept_apart()
    {
        var results = new RunResults();

        results.Report("uid-1", Make.Result("N.T.Theory", TestOutcome.Passed, TestClass.Gating, displayName: "Theory(1)"));
        results.Report("uid-2", Make.Result("N.T.Theory", TestOutcome.Failed, TestClass.Gating, displayName: "Theory(2)"));

        Assert.Equal(
            [("Theory(1)", TestOutcome.Passed, 1), ("Theory(2)", TestOutcome.Failed, 1)],
            results.Snapshot().Select(r => (r.DisplayName, r.Outcome, r.Attempts)));
    }

    [Fact]
    public void Over_thousands_of_nodes_each_keeps_its_first_place_and_its_latest_result()
    {
        var results = new RunResults();

        // More results than one block holds; every third node fails, then passes on retry.
        for (var i = 0; i < 3000; i++)
        {
            results.Report($"uid-{i}", Make.Gating($"N.T.M{i}", TestOutcome.Failed));
        }

        for (var i = 0; i < 3000; i += 3)
        {
            results.Report($"uid-{i}", Make.Gating($"N.T.M{i}", TestOutcome.Passed));
        }

        Assert.Equal(
            Enumerable.Range(0, 3000).Select(i => ($"N.T.M{i}", i % 3 == 0 ? TestOutcome.Passed : TestOutcome.Failed, i % 3 == 0 ? 2 : 1)),
            results.Snapshot().Select(r => (r.Id, r.Outcome, r.Attempts)));
    }

    [Fact]
    public void Results_reported_from_several_threads_at_once_are_all_counted()
    {
        var results = new RunResults();

        // 1,000 nodes, each reported 20 times, from four threads at once.
        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            results.Report($"uid-{i % 1000}", Make.Gating($"N.T.M{i % 1000}", TestOutcome.Passed)));

        var snapshot = results.Snapshot();
        Assert.Equal(1000, snapshot.Count);
        Assert.All(snapshot, r => Assert.Equal(20, r.Attempts));
    }

    [Fact]
    public void An_empty_run_has_no_results() =>
        Assert.Empty(new RunResults().Snapshot());
}
