using AgentTestGuard.History.Store;

namespace AgentTestGuard.History.Metrics;

/// <summary>
/// Finds flaky failures, defects caught and false alarms in the results of a window
/// (docs/metrics.md defines each). Works per test case (a theory's cases apart, since they may
/// rightly differ), and counts an event once per test and run even when several cases share it.
/// </summary>
/// <remarks>
/// Works on the snapshot's numbers (<see cref="SnapshotNumbers"/>), so that the million results of a
/// large history are compared as numbers, not strings: build/benchmark-history.sh's `metrics` took
/// 3.1 s of CPU with string keys per result. A case's observations are one slice of a single array,
/// and its (fingerprint, revision) groups places in one reused array (<see cref="RunOutcomeGroups"/>):
/// a list and two sets per case took 0.6 of the report's 1.0 s of history under dotnet-trace, mostly
/// growing them, and a reused dictionary still 0.3 of the 0.85 s that finding the events then took.
/// </remarks>
internal static class RunOutcomes
{
    /// <returns>The events, and per test number whether it was flaky in the window.</returns>
    public static (List<MetricEvent> Events, bool[] FlakyTests) Find(SnapshotNumbers numbers)
    {
        var snapshot = numbers.Snapshot;
        var events = new List<MetricEvent>();
        var counted = new HashSet<(MetricEventKind, string, string, string)>();
        var flakyTests = new bool[numbers.Tests.Length];
        var groups = new RunOutcomeGroups(numbers);
        var (observations, starts) = ByCase(numbers);
        for (var c = 0; c < numbers.Cases; c++)
        {
            var ofCase = observations.AsSpan(starts[c], starts[c + 1] - starts[c]);
            SortByRun(ofCase);
            groups.Mark(ofCase);
            Observation? streak = null;
            foreach (var seen in ofCase)
            {
                if (groups.Flaky(seen))
                {
                    flakyTests[numbers.TestOfVariant[seen.Variant]] = true;
                    if (seen.Failed)
                    {
                        var variant = numbers.Variants[seen.Variant];
                        var run = snapshot.Runs[seen.Run];
                        Add(new MetricEvent(MetricEventKind.FlakyFailure, variant.Agent, variant.Assembly, variant.Test, variant.Criteria, run.StartedAt), run);
                    }

                    continue;
                }

                if (seen.Failed)
                {
                    streak ??= seen;
                }
                else if (seen.Passed && streak is { } failed)
                {
                    Judge(numbers.Variants[failed.Variant], snapshot.Runs[failed.Run], numbers.Variants[seen.Variant], snapshot.Runs[seen.Run]);
                    streak = null;
                }
            }

            groups.Clear(ofCase);
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

    /// <summary>Every result as an observation, the observations of each case together (in the results' order), and where each case's start.</summary>
    private static (Observation[] Observations, int[] Starts) ByCase(SnapshotNumbers numbers)
    {
        var results = numbers.Snapshot.Results;
        var starts = new int[numbers.Cases + 1];
        for (var i = 0; i < results.Count; i++)
        {
            starts[numbers.CaseOfVariant[numbers.VariantOfResult[i]] + 1]++;
        }

        for (var c = 0; c < numbers.Cases; c++)
        {
            starts[c + 1] += starts[c];
        }

        var next = starts[..^1];
        var observations = new Observation[results.Count];
        for (var i = 0; i < results.Count; i++)
        {
            var variant = numbers.VariantOfResult[i];
            var result = results[i];
            observations[next[numbers.CaseOfVariant[variant]]++] = new Observation(numbers.RunOfResult[i], variant, result.PassedInRun, result.FailedInRun);
        }

        return (observations, starts);
    }

    /// <summary>Oldest run first; a case's results usually come in run order already, and are then left as they are.</summary>
    private static void SortByRun(Span<Observation> observations)
    {
        for (var i = 1; i < observations.Length; i++)
        {
            if (observations[i - 1].Run >= observations[i].Run)
            {
                observations.Sort((a, b) => a.Run.CompareTo(b.Run));
                return;
            }
        }
    }

    private static string Short(string? revision) => revision is null ? "an unknown revision" : revision.Length > 12 ? revision[..12] : revision;

    /// <param name="Passed">An attempt passed in the run.</param>
    /// <param name="Failed">An attempt failed in the run (a first pass whose rerun failed, too).</param>
    internal readonly record struct Observation(int Run, int Variant, bool Passed, bool Failed);

}
