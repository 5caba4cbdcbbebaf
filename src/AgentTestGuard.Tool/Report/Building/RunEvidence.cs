using AgentTestGuard.History.Metrics;
using AgentTestGuard.Tool.Report.Model;
using AgentTestGuard.Tool.Report.Sources;

namespace AgentTestGuard.Tool.Report.Building;

/// <summary>
/// What the runs say about each test, from the history and the run records read together: a run in
/// both counts once (its record adds the failure message the history does not keep).
/// </summary>
internal sealed class RunEvidence
{
    private readonly Dictionary<(string, string), List<ReportOutcome>> _outcomes = [];
    private readonly HashSet<(string, string)> _unordered = [];
    private readonly Dictionary<string, Dictionary<string, List<RunRecordTest>>> _reruns = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), ReportFailure> _lastFailures = [];
    private readonly Dictionary<(string, string), DateTimeOffset> _firstRecorded = [];
    private readonly Dictionary<string, RunRecordDetails> _latestRecord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateTimeOffset At, string RunId)> _latestRun = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Figures> _testFigures = new(StringComparer.Ordinal);
    private readonly HistoryFacts? _history;

    public RunEvidence(IReadOnlyList<RunRecordDetails> runs, HistoryFacts? history)
    {
        _history = history;
        foreach (var run in history?.Runs ?? [])
        {
            NoteRun(run.Assembly, run.StartedAt, run.RunId);
        }

        foreach (var (key, outcomes) in history?.RecentOutcomes ?? new Dictionary<(string, string), IReadOnlyList<ReportOutcome>>())
        {
            // Already in order, each run once.
            _outcomes.Add(key, [.. outcomes]);
        }

        foreach (var row in history?.Metrics.Tests ?? [])
        {
            _testFigures[row.Name] = row.Figures;
        }

        foreach (var run in runs)
        {
            NoteRun(run.Assembly, run.StartedAt, run.RunId);
            if (!_latestRecord.TryGetValue(run.Assembly, out var known) || known.StartedAt <= run.StartedAt)
            {
                _latestRecord[run.Assembly] = run;
            }

            foreach (var cases in run.Tests.GroupBy(t => t.Test, StringComparer.Ordinal))
            {
                var key = (run.Assembly, cases.Key);
                var failed = cases.FirstOrDefault(t => t.IsFailure);
                var outcome = failed?.Outcome ?? (cases.Any(t => t.Outcome == "passed") ? "passed" : cases.First().Outcome);
                Add(key, new ReportOutcome(run.RunId, run.StartedAt, outcome, cases.Max(t => t.Attempts)));
                if (!_firstRecorded.TryGetValue(key, out var first) || run.StartedAt < first)
                {
                    _firstRecorded[key] = run.StartedAt;
                }

                if (failed is not null && (!_lastFailures.TryGetValue(key, out var last) || last.At <= run.StartedAt))
                {
                    _lastFailures[key] = new ReportFailure(run.RunId, run.StartedAt, failed.Outcome, failed.FailureMessage ?? "");
                }
            }
        }
    }

    public bool HasHistory => _history is not null;

    public IReadOnlyList<ReportRun> LatestRecords(string root) =>
        [.. _latestRecord.Values.OrderBy(r => r.StartedAt).ThenBy(r => r.Assembly, StringComparer.Ordinal).Select(r => new ReportRun(
            r.RunId, r.Assembly, r.Environment, RepositoryPaths.Relative(root, r.File), r.StartedAt, r.FinishedAt, r.Revision,
            r.Enforce, r.EnforceFailed, r.GatingFailures, r.QuarantinedFailures))];

    /// <summary>The test's outcomes in its latest runs, oldest first, at most <see cref="HistoryFacts.RecentRunCount"/>.</summary>
    public IReadOnlyList<ReportOutcome> Outcomes(string assembly, string test)
    {
        if (!_outcomes.TryGetValue((assembly, test), out var outcomes))
        {
            return [];
        }

        if (_unordered.Remove((assembly, test)))
        {
            outcomes.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : string.CompareOrdinal(a.RunId, b.RunId));
        }

        return outcomes.Count <= HistoryFacts.RecentRunCount ? outcomes : outcomes[^HistoryFacts.RecentRunCount..];
    }

    public ReportFailure? LastFailure(string assembly, string test) => _lastFailures.GetValueOrDefault((assembly, test));

    /// <summary>The test's reruns in the latest run record of its assembly, when that run is the latest known and reran it.</summary>
    public ReportReruns? LatestReruns(string assembly, string test)
    {
        if (!_latestRecord.TryGetValue(assembly, out var run) || !IsLatestRun(assembly, new ReportOutcome(run.RunId, run.StartedAt, "", 0)))
        {
            return null;
        }

        // The rerun cases of the record, grouped once (most tests are never rerun).
        if (!_reruns.TryGetValue(assembly, out var byTest))
        {
            byTest = run.Tests.Where(t => t.Reruns.Count > 0).GroupBy(t => t.Test, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            _reruns.Add(assembly, byTest);
        }

        return !byTest.TryGetValue(test, out var cases) ? null : new ReportReruns(
            cases.Sum(c => 1 + c.Reruns.Count),
            cases.Sum(c => (c.IsFailure ? 1 : 0) + c.Reruns.Count(r => r.IsFailure)),
            cases.Any(c => c.Flaky));
    }

    /// <summary>When the history (else the oldest record read) first saw the test run.</summary>
    public DateTimeOffset? FirstSeen(string assembly, string test) =>
        _history?.FirstSeen.TryGetValue((assembly, test), out var seen) == true ? seen
        : _firstRecorded.TryGetValue((assembly, test), out var recorded) ? recorded
        : null;

    /// <summary>The history's figures for the test; null without history, or when the history never saw it.</summary>
    public Figures? Figures(string assembly, string test) => _testFigures.GetValueOrDefault($"{assembly}: {test}");

    /// <summary>Whether the given outcome is from the latest run of the assembly known to the report.</summary>
    public bool IsLatestRun(string assembly, ReportOutcome outcome) =>
        _latestRun.TryGetValue(assembly, out var latest) && latest.RunId == outcome.RunId;

    /// <summary>Whether enforce mode failed the latest run record of the assembly.</summary>
    public bool EnforceFailedLatest(string assembly) =>
        _latestRecord.TryGetValue(assembly, out var run) && run.EnforceFailed && IsLatestRun(assembly, new ReportOutcome(run.RunId, run.StartedAt, "", 0));

    private void NoteRun(string assembly, DateTimeOffset at, string runId)
    {
        if (!_latestRun.TryGetValue(assembly, out var known) || known.At < at || (known.At == at && string.CompareOrdinal(known.RunId, runId) < 0))
        {
            _latestRun[assembly] = (at, runId);
        }
    }

    private void Add((string, string) key, ReportOutcome outcome)
    {
        if (!_outcomes.TryGetValue(key, out var outcomes))
        {
            outcomes = [];
            _outcomes.Add(key, outcomes);
        }

        // A run both imported and read from its record counts once, by its id: the record's reading replaces the history's.
        var known = outcomes.FindLastIndex(o => o.RunId == outcome.RunId);
        if (known >= 0)
        {
            outcomes[known] = outcome;
            return;
        }

        if (outcomes.Count > 0 && (outcomes[^1].At > outcome.At || (outcomes[^1].At == outcome.At && string.CompareOrdinal(outcomes[^1].RunId, outcome.RunId) > 0)))
        {
            _unordered.Add(key);
        }

        outcomes.Add(outcome);
    }
}
