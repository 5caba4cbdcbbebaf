using AgentTestGuard.History.Metrics;
using AgentTestGuard.History.Records;
using AgentTestGuard.History.Store;
using AgentTestGuard.Tool.History;
using AgentTestGuard.Tool.Report.Model;
using AgentTestGuard.Tool.Report.Timing;

namespace AgentTestGuard.Tool.Report.Sources;

/// <summary>
/// What the report takes from the history of CI runs: the metrics of the stop rule's window (per
/// agent and per test), each agent's stop rule with the human decision about it, and each test's
/// outcomes in its recent runs.
/// </summary>
/// <param name="RecentOutcomes">Per test (assembly, id): its outcome in each of the latest runs of its assembly that ran it, oldest first.</param>
internal sealed record HistoryFacts(
    string Store,
    IReadOnlyList<StoredRun> Runs,
    MetricsReport Metrics,
    IReadOnlyDictionary<string, AgentStopRule> StopRules,
    IReadOnlyDictionary<(string Assembly, string Test), IReadOnlyList<ReportOutcome>> RecentOutcomes,
    IReadOnlyDictionary<(string Assembly, string Test), DateTimeOffset> FirstSeen)
{
    /// <summary>How many of an assembly's latest runs the outcome strip shows.</summary>
    public const int RecentRunCount = 20;

    /// <summary>The environments whose runs count, as for `dotnet agt metrics`: CI runs.</summary>
    public static readonly IReadOnlyList<string> Environments = ["ci"];

    /// <summary>
    /// Reads the stop rule's window of the history (default: the last 30 days) and computes its metrics
    /// once: the stop rule's states come from the same figures, and a report over a million results
    /// stays within its time. Falls back to the whole history when the window holds no run.
    /// </summary>
    /// <param name="repositoryRoot">Where git tells when each test was added (first sight, as `metrics` takes it).</param>
    /// <returns>null when the history holds no CI run yet.</returns>
    public static HistoryFacts? Read(IHistoryStore store, ReviewFiles files, Configuration.StopRule rule, DateTimeOffset now, string repositoryRoot)
    {
        var window = new HistoryQuery(Environments, rule.WindowDays is { } days ? now.AddDays(-days) : null, rule.WindowRuns);
        var timing = ReportTimings.Start("history: store read");
        var snapshot = store.Read(window);
        timing.Dispose();
        if (snapshot.Runs.Count == 0 && (window.Since is not null || window.LastRuns is not null))
        {
            window = new HistoryQuery(Environments, null, null);
            snapshot = store.Read(window);
        }

        if (snapshot.Runs.Count == 0)
        {
            return null;
        }

        timing = ReportTimings.Start("history: first sight");
        snapshot = FirstSight.WithCommits(snapshot, repositoryRoot);
        timing.Dispose();
        timing = ReportTimings.Start("history: metrics");

        // As the stop rule's own evaluation starts its window (StopRules.Evaluate).
        var start = window.Since ?? (window.LastRuns is not null ? snapshot.Runs[0].StartedAt : null);
        var numbers = new SnapshotNumbers(snapshot);
        var metrics = MetricsCalculator.Compute(numbers, files.Reviews, now, start);
        var rules = metrics.Agents.ToDictionary(
            a => a.Name,
            a => new AgentStopRule(StopRuleState.Evaluate(a.Events, rule), Decisions.AgentDecision.Latest(files.Decisions, a.Name)),
            StringComparer.Ordinal);
        timing.Dispose();
        using var outcomes = ReportTimings.Start("history: outcomes");
        return new HistoryFacts(store.Description, snapshot.Runs, metrics, rules, Outcomes(numbers), snapshot.FirstSeen);
    }

    /// <summary>Each test's outcome per run over its assembly's latest runs: the worst of its cases, with the most attempts.</summary>
    /// <remarks>
    /// Runs and tests are numbered first, so that a million results are compared as numbers: the
    /// snapshot's runs are already in order (by start, then id), and so is a test's list by run number.
    /// </remarks>
    private static Dictionary<(string, string), IReadOnlyList<ReportOutcome>> Outcomes(SnapshotNumbers numbers)
    {
        var snapshot = numbers.Snapshot;
        // Whether each run (index in the snapshot's order) is among its assembly's latest.
        var recent = new bool[snapshot.Runs.Count];
        var perAssembly = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = snapshot.Runs.Count - 1; i >= 0; i--)
        {
            var run = snapshot.Runs[i];
            var seen = perAssembly.GetValueOrDefault(run.Assembly);
            if (seen < RecentRunCount)
            {
                perAssembly[run.Assembly] = seen + 1;
                recent[i] = true;
            }
        }

        var byTest = new List<(int Run, Outcome Outcome, int Attempts)>?[numbers.Tests.Length];
        for (var i = 0; i < numbers.RunOfResult.Length; i++)
        {
            var run = numbers.RunOfResult[i];
            if (!recent[run])
            {
                continue;
            }

            var result = snapshot.Results[i];
            var list = byTest[numbers.TestOfVariant[numbers.VariantOfResult[i]]] ??= new(RecentRunCount);
            // Cases of one test in one run come together: look from the end.
            var at = list.Count - 1;
            while (at >= 0 && list[at].Run != run)
            {
                at--;
            }

            if (at < 0)
            {
                list.Add((run, result.Outcome, result.Attempts));
            }
            else
            {
                var known = list[at];
                list[at] = (run, Worse(known.Outcome, result.Outcome), Math.Max(known.Attempts, result.Attempts));
            }
        }

        var outcomes = new Dictionary<(string, string), IReadOnlyList<ReportOutcome>>(numbers.Tests.Length);
        for (var number = 0; number < numbers.Tests.Length; number++)
        {
            var test = numbers.Tests[number];
            if (byTest[number] is not { } list)
            {
                continue;
            }

            // The store returns runs in their order as a rule: sorting lists already sorted took a
            // quarter of the outcomes' time under dotnet-trace.
            if (!InRunOrder(list))
            {
                list.Sort((a, b) => a.Run.CompareTo(b.Run));
            }

            var runs = snapshot.Runs;
            outcomes.Add(test, list.ConvertAll(o => new ReportOutcome(runs[o.Run].RunId, runs[o.Run].StartedAt, Name(o.Outcome), o.Attempts)));
        }

        return outcomes;
    }

    /// <summary>A test's runs (each once) are in order.</summary>
    private static bool InRunOrder(List<(int Run, Outcome Outcome, int Attempts)> list)
    {
        for (var i = 1; i < list.Count; i++)
        {
            if (list[i - 1].Run > list[i].Run)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A failure outweighs a pass or a skip: one failing case makes the test's run a failure.</summary>
    private static Outcome Worse(Outcome a, Outcome b) => Rank(a) >= Rank(b) ? a : b;

    /// <summary>The outcome as run records name it.</summary>
    private static string Name(Outcome outcome) => outcome switch
    {
        Outcome.Passed => "passed",
        Outcome.Failed => "failed",
        Outcome.Error => "error",
        Outcome.TimedOut => "timedOut",
        Outcome.Skipped => "skipped",
        Outcome.Cancelled => "cancelled",
        _ => "notRun",
    };

    private static int Rank(Outcome outcome) => outcome.IsFailure() ? 3 : outcome == Outcome.Passed ? 2 : 1;
}
