using AgentTestGuard.History.Metrics;
using AgentTestGuard.History.Records;
using AgentTestGuard.History.Store;
using AgentTestGuard.Tool.History;

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
    IReadOnlyDictionary<(string Assembly, string Test), IReadOnlyList<HistoryOutcome>> RecentOutcomes,
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
        var snapshot = store.Read(window);
        if (snapshot.Runs.Count == 0 && (window.Since is not null || window.LastRuns is not null))
        {
            window = new HistoryQuery(Environments, null, null);
            snapshot = store.Read(window);
        }

        if (snapshot.Runs.Count == 0)
        {
            return null;
        }

        snapshot = FirstSight.WithCommits(snapshot, repositoryRoot);

        // As the stop rule's own evaluation starts its window (StopRules.Evaluate).
        var start = window.Since ?? (window.LastRuns is not null ? snapshot.Runs[0].StartedAt : null);
        var metrics = MetricsCalculator.Compute(snapshot, files.Reviews, now, start);
        var rules = metrics.Agents.ToDictionary(
            a => a.Name,
            a => new AgentStopRule(StopRuleState.Evaluate(a.Events, rule), Decisions.AgentDecision.Latest(files.Decisions, a.Name)),
            StringComparer.Ordinal);
        return new HistoryFacts(store.Description, snapshot.Runs, metrics, rules, Outcomes(snapshot), snapshot.FirstSeen);
    }

    /// <summary>Each test's outcome per run over its assembly's latest runs: the worst of its cases, with the most attempts.</summary>
    private static Dictionary<(string, string), IReadOnlyList<HistoryOutcome>> Outcomes(HistorySnapshot snapshot)
    {
        var recent = snapshot.Runs
            .GroupBy(r => r.Assembly, StringComparer.Ordinal)
            .SelectMany(g => g.TakeLast(RecentRunCount))
            .ToDictionary(r => r.Key);
        var byTest = new Dictionary<(string, string), SortedDictionary<long, HistoryOutcome>>();
        foreach (var result in snapshot.Results)
        {
            if (!recent.TryGetValue(result.RunKey, out var run))
            {
                continue;
            }

            var variant = snapshot.Variants[result.VariantKey];
            if (!byTest.TryGetValue((variant.Assembly, variant.Test), out var runs))
            {
                runs = [];
                byTest.Add((variant.Assembly, variant.Test), runs);
            }

            runs[result.RunKey] = runs.TryGetValue(result.RunKey, out var known)
                ? new HistoryOutcome(run.RunId, run.StartedAt, Worse(known.Outcome, result.Outcome), Math.Max(known.Attempts, result.Attempts))
                : new HistoryOutcome(run.RunId, run.StartedAt, result.Outcome, result.Attempts);
        }

        // Run keys grow with the import, not with time: order by start, as the snapshot's runs are.
        return byTest.ToDictionary(p => p.Key, p => (IReadOnlyList<HistoryOutcome>)[.. p.Value.Values.OrderBy(o => o.At).ThenBy(o => o.RunId, StringComparer.Ordinal)]);
    }

    /// <summary>A failure outweighs a pass or a skip: one failing case makes the test's run a failure.</summary>
    private static Outcome Worse(Outcome a, Outcome b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(Outcome outcome) => outcome.IsFailure() ? 3 : outcome == Outcome.Passed ? 2 : 1;
}

/// <summary>A test's outcome in one run of the history.</summary>
internal sealed record HistoryOutcome(string RunId, DateTimeOffset At, Outcome Outcome, int Attempts);
