using AgentTestGuard.Configuration;
using AgentTestGuard.History.Store;

namespace AgentTestGuard.History.Metrics;

/// <summary>Evaluates the policy's stop rule for every agent, over the rule's own window.</summary>
internal static class StopRules
{
    /// <param name="environments">The runs' environments, as for the metrics (CI only by default).</param>
    /// <param name="whole">
    /// A snapshot already read of every run of those environments, if any: the rule's window is then
    /// cut from it rather than read again (half of `metrics`' time on a million results).
    /// </param>
    public static IReadOnlyDictionary<string, StopRuleState> Evaluate(
        IHistoryStore store, ReviewRecords reviews, StopRule rule, IReadOnlyList<string>? environments, DateTimeOffset now, HistorySnapshot? whole = null)
    {
        var query = new HistoryQuery(environments, rule.WindowDays is { } days ? now.AddDays(-days) : null, rule.WindowRuns);
        var snapshot = whole is null ? store.Read(query) : Window(whole, query);
        var start = query.Since ?? (rule.WindowRuns is not null && snapshot.Runs.Count > 0 ? snapshot.Runs[0].StartedAt : null);
        var report = MetricsCalculator.Compute(snapshot, reviews, now, start);
        return report.Agents.ToDictionary(a => a.Name, a => StopRuleState.Evaluate(a.Events, rule), StringComparer.Ordinal);
    }

    /// <summary>The runs of <paramref name="whole"/> the query's start and last-runs limit select, with their results.</summary>
    public static HistorySnapshot Window(HistorySnapshot whole, HistoryQuery query)
    {
        IEnumerable<StoredRun> runs = whole.Runs;
        if (query.Since is { } since)
        {
            runs = runs.Where(r => r.StartedAt >= since);
        }

        var selected = runs.ToList();
        if (query.LastRuns is { } last && selected.Count > last)
        {
            selected = selected.GetRange(selected.Count - last, last);
        }

        if (selected.Count == whole.Runs.Count)
        {
            return whole;
        }

        var keys = selected.Select(r => r.Key).ToHashSet();
        return whole with { Runs = selected, Results = [.. whole.Results.Where(r => keys.Contains(r.RunKey))] };
    }
}
