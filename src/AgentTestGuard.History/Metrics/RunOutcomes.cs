using AgentTestGuard.History.Store;

namespace AgentTestGuard.History.Metrics;

/// <summary>
/// Finds flaky failures, defects caught and false alarms in the results of a window
/// (docs/metrics.md defines each). Works per test case (a theory's cases apart, since they may
/// rightly differ), and counts an event once per test and run even when several cases share it.
/// </summary>
/// <remarks>
/// Variants, fingerprints and revisions are numbered first, so that the million results of a large
/// history are compared as numbers, not strings: build/benchmark-history.sh's `metrics` took
/// 3.1 s of CPU with string keys per result.
/// </remarks>
internal static class RunOutcomes
{
    public static (List<MetricEvent> Events, HashSet<(string, string)> FlakyTests) Find(HistorySnapshot snapshot)
    {
        var index = new SnapshotIndex(snapshot);
        var events = new List<MetricEvent>();
        var counted = new HashSet<(MetricEventKind, string, string, string)>();
        var flakyTests = new HashSet<(string, string)>();
        var flakyGroups = new HashSet<long>();
        foreach (var observations in index.ByCase())
        {
            observations.Sort((a, b) => a.Run.CompareTo(b.Run));
            FlakyGroups(index, observations, flakyGroups);
            Observation? streak = null;
            foreach (var seen in observations)
            {
                var variant = index.Variants[seen.Variant];
                var run = snapshot.Runs[seen.Run];
                if (flakyGroups.Contains(index.GroupOf(seen)))
                {
                    flakyTests.Add((variant.Assembly, variant.Test));
                    if (seen.Failed)
                    {
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
                    Judge(index.Variants[failed.Variant], snapshot.Runs[failed.Run], variant, run);
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

    /// <summary>
    /// The (fingerprint, revision) groups of a case that both passed and failed, in one run (its
    /// reruns or retries) or across runs. A run without a revision is a group of its own: only its
    /// reruns or retries can show flakiness.
    /// </summary>
    private static void FlakyGroups(SnapshotIndex index, List<Observation> observations, HashSet<long> flaky)
    {
        flaky.Clear();
        var passed = new HashSet<long>();
        var failed = new HashSet<long>();
        foreach (var seen in observations)
        {
            var group = index.GroupOf(seen);
            if (seen.Passed)
            {
                passed.Add(group);
            }

            if (seen.Failed)
            {
                failed.Add(group);
            }
        }

        foreach (var group in passed)
        {
            if (failed.Contains(group))
            {
                flaky.Add(group);
            }
        }
    }

    private static string Short(string? revision) => revision is null ? "an unknown revision" : revision.Length > 12 ? revision[..12] : revision;

    /// <param name="Passed">An attempt passed in the run.</param>
    /// <param name="Failed">An attempt failed in the run (a first pass whose rerun failed, too).</param>
    internal readonly record struct Observation(int Run, int Variant, bool Passed, bool Failed);

    /// <summary>The snapshot's runs, variants, fingerprints, revisions and cases, numbered densely.</summary>
    private sealed class SnapshotIndex
    {
        private readonly HistorySnapshot _snapshot;
        private readonly Dictionary<long, int> _runs;
        private readonly Dictionary<long, int> _variants;
        private readonly int[] _revisionOfRun;
        private readonly int[] _fingerprintOfVariant;
        private readonly int[] _caseOfVariant;
        private readonly int _cases;

        public SnapshotIndex(HistorySnapshot snapshot)
        {
            _snapshot = snapshot;
            _runs = new Dictionary<long, int>(snapshot.Runs.Count);
            _revisionOfRun = new int[snapshot.Runs.Count];
            var revisions = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < snapshot.Runs.Count; i++)
            {
                _runs[snapshot.Runs[i].Key] = i;
                // A run without a revision is a revision of its own.
                _revisionOfRun[i] = snapshot.Runs[i].Revision is { } revision ? Number(revisions, revision) : -1 - i;
            }

            var fingerprints = new Dictionary<string, int>(StringComparer.Ordinal);
            var cases = new Dictionary<(string, string, string), int>();
            _variants = new Dictionary<long, int>(snapshot.Variants.Count);
            Variants = new TestVariant[snapshot.Variants.Count];
            _fingerprintOfVariant = new int[snapshot.Variants.Count];
            _caseOfVariant = new int[snapshot.Variants.Count];
            foreach (var (key, variant) in snapshot.Variants)
            {
                var at = _variants.Count;
                _variants[key] = at;
                Variants[at] = variant;
                _fingerprintOfVariant[at] = Number(fingerprints, variant.Fingerprint);
                _caseOfVariant[at] = Number(cases, (variant.Assembly, variant.Test, variant.Case));
            }

            _cases = cases.Count;
        }

        public TestVariant[] Variants { get; }

        public long GroupOf(Observation seen) =>
            ((long)_fingerprintOfVariant[seen.Variant] << 32) | (uint)_revisionOfRun[seen.Run];

        public List<Observation>[] ByCase()
        {
            var lists = new List<Observation>[_cases];
            foreach (var result in _snapshot.Results)
            {
                var variant = _variants[result.VariantKey];
                var list = lists[_caseOfVariant[variant]] ??= [];
                list.Add(new Observation(_runs[result.RunKey], variant, result.PassedInRun, result.FailedInRun));
            }

            return [.. lists.Where(l => l is not null)];
        }

        private static int Number<TKey>(Dictionary<TKey, int> numbers, TKey key)
            where TKey : notnull
        {
            if (!numbers.TryGetValue(key, out var number))
            {
                number = numbers.Count;
                numbers.Add(key, number);
            }

            return number;
        }
    }
}
