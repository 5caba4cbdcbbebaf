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

    public static IReadOnlyDictionary<EvidenceKey, TestEvidence> Of(HistorySnapshot snapshot, IEnumerable<EvidenceKey> keys) =>
        CaseRuns(snapshot, keys).ToDictionary(k => k.Key, k => Tally(k.Value));

    /// <summary>
    /// Each key's results in the snapshot's runs, as <see cref="CaseRun"/>s (empty for a key it has
    /// not seen): what run records give too, so that both can be counted together by <see cref="Tally"/>.
    /// </summary>
    public static IReadOnlyDictionary<EvidenceKey, IReadOnlyList<CaseRun>> CaseRuns(HistorySnapshot snapshot, IEnumerable<EvidenceKey> keys)
    {
        var found = keys.Distinct().ToDictionary(k => k, _ => new List<CaseRun>());
        var variants = new Dictionary<long, (List<CaseRun> Cases, string Case)>();
        foreach (var (variantKey, variant) in snapshot.Variants)
        {
            if (found.TryGetValue(new EvidenceKey(variant.Assembly, variant.Test, variant.Fingerprint), out var cases))
            {
                variants[variantKey] = (cases, variant.Case);
            }
        }

        var runs = snapshot.Runs.ToDictionary(r => r.Key);
        foreach (var result in snapshot.Results)
        {
            if (variants.TryGetValue(result.VariantKey, out var seen) && (result.PassedInRun || result.FailedInRun))
            {
                var run = runs[result.RunKey];
                seen.Cases.Add(new CaseRun(run.RunId, run.Revision, seen.Case, result.Attempts, result.PassedInRun, result.FailedInRun));
            }
        }

        return found.ToDictionary(f => f.Key, f => (IReadOnlyList<CaseRun>)f.Value);
    }

    /// <summary>
    /// Counts one test's results at one fingerprint, each run once (the caller gives each run's
    /// results from one source only): a run fails when an attempt of a case failed; a case is flaky
    /// when one result's attempts both passed and failed, or when, at the same code revision, it
    /// failed in one run and passed in another (a run without a revision is a revision of its own).
    /// Results sharing a case name in one run are one case there, failed when one of them failed.
    /// </summary>
    public static TestEvidence Tally(IEnumerable<CaseRun> results)
    {
        var cases = results.ToList();
        if (cases.Count == 0)
        {
            return None;
        }

        var runs = cases.GroupBy(c => c.RunId, StringComparer.Ordinal).Select(r => r.Any(c => c.Failed)).ToList();
        var flaky = cases.Any(c => c.Passed && c.Failed) || cases
            .GroupBy(c => (c.Case, c.Revision, Run: c.Revision is null ? c.RunId : null))
            .Any(group => group.GroupBy(c => c.RunId, StringComparer.Ordinal).Select(run => run.Any(c => c.Failed)).Distinct().Count() > 1);
        return new TestEvidence(runs.Count, cases.Sum(c => c.Attempts), runs.Count(failed => !failed), runs.Count(failed => failed), flaky);
    }
}

/// <summary>One result of a test case in one run, from the history or a run record: what evidence is counted from.</summary>
/// <param name="RunId">The run's id: the same run has the same id in its record and in the history.</param>
/// <param name="Revision">The run's code revision; null when it had none.</param>
/// <param name="Case">The case: its display name (a theory's row), or the test's id.</param>
/// <param name="Attempts">Its first result and its reruns.</param>
/// <param name="Passed">An attempt passed.</param>
/// <param name="Failed">An attempt failed (failed, an error, or timed out).</param>
internal readonly record struct CaseRun(string RunId, string? Revision, string Case, int Attempts, bool Passed, bool Failed);
