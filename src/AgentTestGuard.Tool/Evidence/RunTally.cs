using AgentTestGuard.Tool.Report.Sources;

namespace AgentTestGuard.Tool.Evidence;

/// <summary>
/// Counts one test's runs at one fingerprint from run records (read once by <see cref="RecentRunRecords"/>):
/// a run counts once however many records of it were offered, a theory's cases count as one run,
/// and flakiness is judged per case (display name), within a run and across runs at the same code revision.
/// </summary>
internal static class RunTally
{
    /// <summary>The test's figures at <paramref name="fingerprint"/>; runs of other fingerprints, and records of other assemblies, are ignored.</summary>
    public static RunFigures Of(IEnumerable<RunRecordDetails> runs, string assembly, string test, string fingerprint)
    {
        var figures = new RunFigures(0, 0, 0, 0, false);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // Per case and code revision: whether any of its attempts passed, and whether any failed.
        var outcomes = new Dictionary<(string? Case, string Revision), (bool Passed, bool Failed)>();
        foreach (var run in runs)
        {
            if (run.Assembly != assembly || !seen.Add(run.RunId))
            {
                continue;
            }

            // As the history counts (docs/metrics.md): a run counts when the test passed or failed there.
            var cases = run.Tests.Where(t => t.Test == test && t.Fingerprint == fingerprint && (Passed(t) || Failed(t))).ToList();
            if (cases.Count == 0)
            {
                continue;
            }

            // A failing run: an attempt of a case failed (its first, or a rerun). A passing run: none did.
            var failed = cases.Any(Failed);
            var passed = !failed;

            // Within the run: one case's attempts (its first result and its reruns) both passed and failed.
            var flaky = figures.Flaky || cases.Any(c => c.Flaky || (Passed(c) && Failed(c)));

            // Across runs at the same revision: a case that failed in one run and passed in another. Cases
            // that share a display name are one case here, failed when one of them failed.
            var revision = run.Revision ?? "run " + run.RunId;
            foreach (var byCase in cases.GroupBy(c => c.DisplayName))
            {
                var caseFailed = byCase.Any(Failed);
                var key = (byCase.Key, revision);
                var known = outcomes.GetValueOrDefault(key);
                var now = (Passed: known.Passed || !caseFailed, Failed: known.Failed || caseFailed);
                outcomes[key] = now;
                flaky |= now.Passed && now.Failed;
            }

            figures = new RunFigures(
                figures.Runs + 1,
                figures.Attempts + cases.Max(c => Math.Max(c.Attempts, 1 + c.Reruns.Count)),
                figures.PassingRuns + (passed ? 1 : 0),
                figures.FailingRuns + (failed ? 1 : 0),
                flaky);
        }

        return figures;
    }

    private static bool Passed(RunRecordTest result) => result.Outcome == "passed" || result.Reruns.Any(r => r.Outcome == "passed");

    private static bool Failed(RunRecordTest result) => result.IsFailure || result.Reruns.Any(r => r.IsFailure);
}

/// <summary>A test's run figures at one fingerprint; see <see cref="TestEvidence"/> for what each counts.</summary>
internal sealed record RunFigures(int Runs, int Attempts, int PassingRuns, int FailingRuns, bool Flaky);
