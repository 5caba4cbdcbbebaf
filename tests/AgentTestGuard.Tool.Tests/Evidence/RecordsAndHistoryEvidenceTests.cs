using AgentTestGuard.Approvals;
using AgentTestGuard.History.Records;
using AgentTestGuard.Tool.Evidence;
using AgentTestGuard.Tool.Report.Sources;
using Xunit;
using static AgentTestGuard.Tool.Tests.Evidence.Runs;

namespace AgentTestGuard.Tool.Tests.Evidence;

/// <summary>
/// The evidence approve and status show when the latest run records and the history both hold runs
/// of the test: each run counts once, and flakiness is judged over both together, as the history
/// would judge it once the records are imported.
/// </summary>
public sealed class RecordsAndHistoryEvidenceTests
{
    [Fact]
    public void Three_passing_CI_runs_and_a_latest_local_run_that_flaked_make_a_flaky_test()
    {
        var history = new StoredRuns().Run(1, "r1", Outcome.Passed).Run(2, "r2", Outcome.Passed).Run(3, "r3", Outcome.Passed);

        var evidence = Of(history, Run(4, "r3", Result("failed", reruns: ["passed", "passed"])));

        Assert.Equal((4, 6, 3, 1, true), Figures(evidence));
        Assert.Equal([MissingEvidence.Flaky], evidence.Missing);
    }

    [Fact]
    public void A_CI_run_whose_rerun_failed_makes_a_test_that_passes_locally_flaky()
    {
        var history = new StoredRuns().Run(1, "r1", Outcome.Passed, reruns: [Outcome.Passed, Outcome.Failed]);

        var evidence = Of(history, Run(2, "r2", Result("passed")), Run(3, "r2", Result("passed")));

        Assert.Equal((3, 5, 2, 1, true), Figures(evidence));
        Assert.Equal([MissingEvidence.Flaky], evidence.Missing);
    }

    [Fact]
    public void A_CI_failure_and_a_local_pass_at_the_same_revision_are_flaky()
    {
        var history = new StoredRuns().Run(1, "r1", Outcome.Failed);

        var evidence = Of(history, Run(2, "r1", Result("passed")));

        Assert.Equal((2, 2, 1, 1, true), Figures(evidence));
        Assert.Equal([MissingEvidence.Flaky], evidence.Missing);
    }

    [Fact]
    public void A_CI_failure_fixed_at_a_later_revision_of_the_code_is_not_flaky()
    {
        var history = new StoredRuns().Run(1, "r1", Outcome.Failed);

        var evidence = Of(history, Run(2, "r2", Result("passed")));

        Assert.Equal((2, 2, 1, 1, false), Figures(evidence));
        Assert.Empty(evidence.Missing);
    }

    [Fact]
    public void Runs_both_in_the_history_and_in_TestResults_count_once()
    {
        var history = new StoredRuns().Run(1, "r1", Outcome.Passed).Run(2, "r2", Outcome.Passed, reruns: [Outcome.Passed]).Run(3, "r3", Outcome.Passed);

        var evidence = Of(history, Run(2, "r2", Result("passed", reruns: ["passed"])), Run(3, "r3", Result("passed")));

        Assert.Equal((3, 4, 3, 0, false), Figures(evidence));
        Assert.Empty(evidence.Missing);
    }

    [Fact]
    public void A_run_in_both_still_shows_the_flakiness_the_history_sees_across_runs()
    {
        // The history: failed at r1 in one run and passed at r1 in the next, which the records give too.
        var history = new StoredRuns().Run(1, "r1", Outcome.Failed).Run(2, "r1", Outcome.Passed);

        var evidence = Of(history, Run(2, "r1", Result("passed")));

        Assert.Equal((2, 2, 1, 1, true), Figures(evidence));
        Assert.Equal([MissingEvidence.Flaky], evidence.Missing);
    }

    [Fact]
    public void The_history_at_an_older_fingerprint_does_not_count()
    {
        var history = new StoredRuns().Run(1, "r1", Outcome.Passed, Older).Run(2, "r2", Outcome.Failed, Older);

        var evidence = Of(history, Run(3, "r2", Result("failed")));

        Assert.Equal((1, 1, 0, 1, false), Figures(evidence));
        Assert.Equal([MissingEvidence.NoPassingRun], evidence.Missing);
    }

    private static TestEvidence Of(StoredRuns history, params RunRecordDetails[] records) =>
        new EvidenceSources(records, catalog: null, history.Evidence()).Of("Shop.Tests", Agent());
}
