using AgentTestGuard.Approvals;
using AgentTestGuard.Assertions;

namespace AgentTestGuard.Tool.Evidence;

/// <summary>
/// What the runs and the build say about one agent test at its current fingerprint: the evidence a
/// reviewer approves on (`dotnet agt approve` shows it, `status` lists it). Runs at another
/// fingerprint (before the test's last edit) do not count.
/// </summary>
/// <param name="Runs">Test runs in which the test passed or failed at its current fingerprint (skipped, cancelled or not run count for nothing, as in the history).</param>
/// <param name="Attempts">Its executions in those runs: the first result of each plus its reruns (early flake detection).</param>
/// <param name="PassingRuns">Runs in which it passed and no attempt of any case failed.</param>
/// <param name="FailingRuns">Runs in which an attempt of a case failed (its first, or a rerun: a flaky run is one).</param>
/// <param name="Flaky">
/// A case both passed and failed: among one run's attempts, or across runs at the same code revision
/// (a run without a revision is a revision of its own), as docs/metrics.md defines flaky.
/// </param>
/// <param name="CannotFail">The build's AGT0020 finding; null when the test can fail.</param>
/// <param name="Criteria">The criteria it links to, with the catalog's text where there is one.</param>
internal sealed record TestEvidence(
    int Runs,
    int Attempts,
    int PassingRuns,
    int FailingRuns,
    bool Flaky,
    CannotFail? CannotFail,
    IReadOnlyList<EvidenceCriterion> Criteria)
{
    /// <summary>The evidence an approval lacks, as the ledger's <c>overrode</c> names it, in its order; empty when none.</summary>
    public IReadOnlyList<string> Missing =>
    [
        .. PassingRuns == 0 ? [MissingEvidence.NoPassingRun] : Array.Empty<string>(),
        .. Flaky ? [MissingEvidence.Flaky] : Array.Empty<string>(),
        .. CannotFail is not null ? [MissingEvidence.CannotFail] : Array.Empty<string>(),
    ];
}

/// <summary>A criterion a test links to; <paramref name="Text"/> is the catalog's, null when the catalog has none.</summary>
internal sealed record EvidenceCriterion(string Id, string? Text);
