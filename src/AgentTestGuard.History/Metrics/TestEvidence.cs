using AgentTestGuard.History.Store;

namespace AgentTestGuard.History.Metrics;

/// <summary>A test at one fingerprint, as approvals name it: its assembly, id and fingerprint.</summary>
internal readonly record struct EvidenceKey(string Assembly, string Test, string Fingerprint);

/// <summary>
/// What the history shows of a test at one fingerprint, over the runs a query selects (for
/// `dotnet agt approve`). A run counts for the test when one of its cases passed or failed there;
/// skipped, cancelled and not run count for nothing, as in the metrics (docs/metrics.md).
/// </summary>
/// <param name="Runs">Runs in which it passed or failed: <see cref="PassedRuns"/> + <see cref="FailedRuns"/>.</param>
/// <param name="Attempts">Its attempts in those runs (first results and reruns, every case's).</param>
/// <param name="PassedRuns">Runs in which it passed and no attempt of any case failed.</param>
/// <param name="FailedRuns">Runs in which an attempt of a case failed (a flaky run is one).</param>
/// <param name="Flaky">
/// A case both passed and failed at this fingerprint: within a run (among its attempts), or across
/// runs at the same code revision (a run without a revision is a revision of its own).
/// </param>
internal sealed record TestEvidence(int Runs, int Attempts, int PassedRuns, int FailedRuns, bool Flaky)
{
    /// <summary>Never seen at this fingerprint in the selected runs.</summary>
    public static TestEvidence None { get; } = new(0, 0, 0, 0, false);

    /// <summary>
    /// The evidence of each key in the runs the query selects; <see cref="None"/> for a key the
    /// history has not seen. <c>HistoryQuery.CiRuns</c> counts as the metrics do; every environment
    /// (<c>new HistoryQuery(null, null, null)</c>) counts local runs too.
    /// </summary>
    public static IReadOnlyDictionary<EvidenceKey, TestEvidence> Read(IHistoryStore store, IEnumerable<EvidenceKey> keys, HistoryQuery query) =>
        Of(store.Read(query), keys);

    public static IReadOnlyDictionary<EvidenceKey, TestEvidence> Of(HistorySnapshot snapshot, IEnumerable<EvidenceKey> keys)
    {
        var wanted = keys.ToHashSet();
        var variants = new Dictionary<long, (EvidenceKey Key, string Case)>();
        foreach (var (variantKey, variant) in snapshot.Variants)
        {
            var key = new EvidenceKey(variant.Assembly, variant.Test, variant.Fingerprint);
            if (wanted.Contains(key))
            {
                variants[variantKey] = (key, variant.Case);
            }
        }

        // A run without a revision is a revision of its own.
        var revisions = snapshot.Runs.ToDictionary(r => r.Key, r => (r.Revision, Run: r.Revision is null ? r.Key : 0));
        var runs = new Dictionary<(EvidenceKey, long Run), (bool Passed, bool Failed)>();
        var attempts = new Dictionary<EvidenceKey, int>();
        var groups = new Dictionary<(EvidenceKey, string Case, (string?, long) Revision), (bool Passed, bool Failed)>();
        foreach (var result in snapshot.Results)
        {
            if (!variants.TryGetValue(result.VariantKey, out var seen) || !(result.PassedInRun || result.FailedInRun))
            {
                continue;
            }

            var run = runs.GetValueOrDefault((seen.Key, result.RunKey));
            runs[(seen.Key, result.RunKey)] = (run.Passed || result.PassedInRun, run.Failed || result.FailedInRun);
            attempts[seen.Key] = attempts.GetValueOrDefault(seen.Key) + result.Attempts;
            var group = (seen.Key, seen.Case, revisions[result.RunKey]);
            var known = groups.GetValueOrDefault(group);
            groups[group] = (known.Passed || result.PassedInRun, known.Failed || result.FailedInRun);
        }

        var flaky = groups.Where(g => g.Value is (true, true)).Select(g => g.Key.Item1).ToHashSet();
        var byKey = runs.ToLookup(r => r.Key.Item1, r => r.Value);
        return wanted.ToDictionary(
            key => key,
            key => byKey[key].ToList() is { Count: > 0 } seen
                ? new TestEvidence(seen.Count, attempts[key], seen.Count(r => !r.Failed), seen.Count(r => r.Failed), flaky.Contains(key))
                : None);
    }
}
