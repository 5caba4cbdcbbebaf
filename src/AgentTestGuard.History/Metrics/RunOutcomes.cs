using AgentTestGuard.History.Records;
using AgentTestGuard.History.Store;

namespace AgentTestGuard.History.Metrics;

/// <summary>
/// Finds flaky failures, defects caught and false alarms in the results of a window
/// (docs/metrics.md defines each). Works per test case (a theory's cases apart, since they may
/// rightly differ), and counts an event once per test and run even when several cases share it.
/// </summary>
internal static class RunOutcomes
{
    public static (List<MetricEvent> Events, HashSet<(string, string)> FlakyTests) Find(HistorySnapshot snapshot)
    {
        var runIndex = new Dictionary<long, int>(snapshot.Runs.Count);
        for (var i = 0; i < snapshot.Runs.Count; i++)
        {
            runIndex[snapshot.Runs[i].Key] = i;
        }

        var events = new List<MetricEvent>();
        var counted = new HashSet<(MetricEventKind, string, string, string)>();
        var flakyTests = new HashSet<(string, string)>();
        foreach (var observations in ByCase(snapshot, runIndex))
        {
            observations.Sort((a, b) => a.Run.CompareTo(b.Run));
            var flakyGroups = FlakyGroups(snapshot, observations);
            Observation? streak = null;
            foreach (var seen in observations)
            {
                var variant = snapshot.Variants[seen.Variant];
                var run = snapshot.Runs[seen.Run];
                if (flakyGroups.Contains(GroupOf(variant, run)))
                {
                    flakyTests.Add((variant.Assembly, variant.Test));
                    if (IsFailureEvent(seen))
                    {
                        Add(new MetricEvent(MetricEventKind.FlakyFailure, variant.Agent, variant.Assembly, variant.Test, variant.Criteria, run.StartedAt), run);
                    }

                    continue;
                }

                if (seen.Outcome.IsFailure())
                {
                    streak ??= seen;
                }
                else if (seen.Outcome == Outcome.Passed && streak is { } failed)
                {
                    Judge(snapshot.Variants[failed.Variant], snapshot.Runs[failed.Run], variant, run);
                    streak = null;
                }
            }
        }

        return (events, flakyTests);

        void Judge(TestVariant failing, StoredRun failedRun, TestVariant passing, StoredRun passedRun)
        {
            var detail = $"failed at {Short(failedRun.Revision)} with fingerprint {failing.Fingerprint}; passed at {Short(passedRun.Revision)} with fingerprint {passing.Fingerprint}";
            if (failing.Fingerprint != passing.Fingerprint)
            {
                Add(new MetricEvent(MetricEventKind.FalseAlarm, failing.Agent, failing.Assembly, failing.Test, failing.Criteria, passedRun.StartedAt, failing.Fingerprint, detail), passedRun);
            }
            else if (failedRun.Revision is not null && passedRun.Revision is not null)
            {
                // Same test, another revision: the code changed and the test did not. Without both
                // revisions a fix cannot be told from chance, and nothing is counted.
                Add(new MetricEvent(MetricEventKind.DefectCaught, failing.Agent, failing.Assembly, failing.Test, failing.Criteria, passedRun.StartedAt, failing.Fingerprint, detail), passedRun);
            }
        }

        void Add(MetricEvent metricEvent, StoredRun run)
        {
            if (counted.Add((metricEvent.Kind, metricEvent.Assembly!, metricEvent.Test!, run.RunId)))
            {
                events.Add(metricEvent);
            }
        }
    }

    /// <summary>A failure, or a pass after retries (the earlier attempts failed).</summary>
    private static bool IsFailureEvent(Observation seen) =>
        seen.Outcome.IsFailure() || (seen.Outcome == Outcome.Passed && seen.Attempts > 1);

    /// <summary>
    /// The (fingerprint, revision) groups of a case that both passed and failed. A run without a
    /// revision is a group of its own: only its retries can show flakiness.
    /// </summary>
    private static HashSet<(string, string)> FlakyGroups(HistorySnapshot snapshot, List<Observation> observations)
    {
        var passed = new HashSet<(string, string)>();
        var failed = new HashSet<(string, string)>();
        foreach (var seen in observations)
        {
            var group = GroupOf(snapshot.Variants[seen.Variant], snapshot.Runs[seen.Run]);
            if (seen.Outcome == Outcome.Passed)
            {
                passed.Add(group);
            }

            if (IsFailureEvent(seen))
            {
                failed.Add(group);
            }
        }

        passed.IntersectWith(failed);
        return passed;
    }

    private static (string, string) GroupOf(TestVariant variant, StoredRun run) =>
        (variant.Fingerprint, run.Revision ?? "\0run " + run.RunId);

    private static List<List<Observation>> ByCase(HistorySnapshot snapshot, Dictionary<long, int> runIndex)
    {
        var caseOfVariant = new Dictionary<long, int>(snapshot.Variants.Count);
        var cases = new Dictionary<(string, string, string), int>();
        var lists = new List<List<Observation>>();
        foreach (var result in snapshot.Results)
        {
            if (!caseOfVariant.TryGetValue(result.VariantKey, out var index))
            {
                var variant = snapshot.Variants[result.VariantKey];
                if (!cases.TryGetValue((variant.Assembly, variant.Test, variant.Case), out index))
                {
                    index = lists.Count;
                    cases.Add((variant.Assembly, variant.Test, variant.Case), index);
                    lists.Add([]);
                }

                caseOfVariant.Add(result.VariantKey, index);
            }

            lists[index].Add(new Observation(runIndex[result.RunKey], result.VariantKey, result.Outcome, result.Attempts));
        }

        return lists;
    }

    private static string Short(string? revision) => revision is null ? "an unknown revision" : revision.Length > 12 ? revision[..12] : revision;

    private readonly record struct Observation(int Run, long Variant, Outcome Outcome, int Attempts);
}
