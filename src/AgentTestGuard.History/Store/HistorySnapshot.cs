using AgentTestGuard.History.Records;

namespace AgentTestGuard.History.Store;

/// <summary>
/// What the metrics read from a store. A million results are kept as small values that refer to
/// runs and to <see cref="TestVariant"/>s by key, rather than as a million objects with strings.
/// </summary>
/// <param name="Runs">The selected runs, oldest first (by start, then id).</param>
/// <param name="Variants">Every variant the results refer to, by key.</param>
/// <param name="Results">The selected runs' results.</param>
/// <param name="FirstSeen">
/// When each test (assembly and id) was first seen in a run of the selected environments, over the
/// whole history rather than the window: a test's age does not depend on the window.
/// </param>
internal sealed record HistorySnapshot(
    IReadOnlyList<StoredRun> Runs,
    IReadOnlyDictionary<long, TestVariant> Variants,
    IReadOnlyList<StoredResult> Results,
    IReadOnlyDictionary<(string Assembly, string Test), DateTimeOffset> FirstSeen);

internal sealed record StoredRun(long Key, string RunId, string Assembly, string Environment, string? Revision, DateTimeOffset StartedAt);

/// <summary>A test case as it was at one fingerprint, with its agent and criteria.</summary>
internal sealed record TestVariant(string Assembly, string Test, string Case, string Agent, string Fingerprint, IReadOnlyList<string> Criteria);

/// <summary>A test case's result in a run.</summary>
/// <param name="Outcome">The first attempt's outcome (the one the platform reported).</param>
/// <param name="Listed">What its attempts included, when the record listed them (its reruns); else none.</param>
internal readonly record struct StoredResult(long RunKey, long VariantKey, Outcome Outcome, int Attempts, AttemptOutcomes Listed = AttemptOutcomes.None)
{
    /// <summary>An attempt passed (docs/metrics.md).</summary>
    public bool PassedInRun => Records.Attempts.PassedInRun(Outcome, Listed);

    /// <summary>An attempt failed, or (without a listing) it passed only after retries.</summary>
    public bool FailedInRun => Records.Attempts.FailedInRun(Outcome, Attempts, Listed);
}
