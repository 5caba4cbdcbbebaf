using AgentTestGuard.Configuration;
using AgentTestGuard.History.Store;

namespace AgentTestGuard.History.Metrics;

/// <summary>Evaluates the policy's stop rule for every agent, over the rule's own window.</summary>
public static class StopRules
{
    /// <param name="environments">The runs' environments, as for the metrics (CI only by default).</param>
    public static IReadOnlyDictionary<string, StopRuleState> Evaluate(
        IHistoryStore store, ReviewRecords reviews, StopRule rule, IReadOnlyList<string>? environments, DateTimeOffset now)
    {
        var query = new HistoryQuery(environments, rule.WindowDays is { } days ? now.AddDays(-days) : null, rule.WindowRuns);
        var snapshot = store.Read(query);
        var start = query.Since ?? (rule.WindowRuns is not null && snapshot.Runs.Count > 0 ? snapshot.Runs[0].StartedAt : null);
        var report = MetricsCalculator.Compute(snapshot, reviews, now, start);
        return report.Agents.ToDictionary(a => a.Name, a => StopRuleState.Evaluate(a.Events, rule), StringComparer.Ordinal);
    }
}
