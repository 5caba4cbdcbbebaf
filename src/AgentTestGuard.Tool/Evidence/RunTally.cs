using AgentTestGuard.History.Metrics;
using AgentTestGuard.History.Records;
using AgentTestGuard.Tool.Report.Sources;

namespace AgentTestGuard.Tool.Evidence;

/// <summary>
/// One test's results at one fingerprint in run records (read once by <see cref="RecentRunRecords"/>),
/// as the history's <see cref="CaseRun"/>s, so that both are counted by the same rules
/// (<see cref="AgentTestGuard.History.Metrics.TestEvidence.Tally"/>): a run offered twice counts once, and a result's
/// attempts are its first result and its reruns.
/// </summary>
internal static class RunTally
{
    /// <summary>The test's results at <paramref name="fingerprint"/>; runs of other fingerprints, and records of other assemblies, are ignored.</summary>
    public static IReadOnlyList<CaseRun> CaseRuns(IEnumerable<RunRecordDetails> runs, string assembly, string test, string fingerprint)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var results = new List<CaseRun>();
        foreach (var run in runs)
        {
            if (run.Assembly != assembly || !seen.Add(run.RunId))
            {
                continue;
            }

            foreach (var result in run.Tests)
            {
                if (result.Test != test || result.Fingerprint != fingerprint || Outcomes.Parse(result.Outcome) is not { } first)
                {
                    continue;
                }

                // Read as the history reads the record (docs/metrics.md): what the attempts included,
                // the record's flaky field saying both, even without its reruns.
                var listed = result.Reruns.Count == 0 ? AttemptOutcomes.None
                    : result.Reruns.Aggregate(AttemptOutcomes.None.With(first), (all, r) => Outcomes.Parse(r.Outcome) is { } o ? all.With(o) : all);
                listed |= result.Flaky ? Attempts.Flaky : AttemptOutcomes.None;
                var attempts = Math.Max(result.Attempts, 1 + result.Reruns.Count);
                var passed = Attempts.PassedInRun(first, listed);
                var failed = Attempts.FailedInRun(first, attempts, listed);
                if (passed || failed)
                {
                    results.Add(new CaseRun(run.RunId, run.Revision, result.Case, attempts, passed, failed));
                }
            }
        }

        return results;
    }
}
