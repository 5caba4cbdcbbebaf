using AgentTestGuard.Configuration;
using AgentTestGuard.Decisions;
using AgentTestGuard.History.Metrics;
using AgentTestGuard.Tool.History;
using AgentTestGuard.Tool.Report.Model;
using AgentTestGuard.Tool.Report.Sources;

namespace AgentTestGuard.Tool.Report.Building;

/// <summary>Each agent the policy allows, that wrote a test, or that the history knows: its tests by state, metrics and stop rule.</summary>
internal static class AgentEntries
{
    public static IReadOnlyList<ReportAgent> Of(IReadOnlyList<ReportTest> tests, Policy? policy, IReadOnlyList<AgentDecision> decisions, HistoryFacts? history)
    {
        var metrics = history?.Metrics.Agents.ToDictionary(a => a.Name, a => a.Figures, StringComparer.Ordinal) ?? [];
        var names = (policy?.Agents ?? [])
            .Concat(tests.Select(t => t.Agent))
            .Concat(metrics.Keys)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var byAgent = tests.ToLookup(t => t.Agent, StringComparer.Ordinal);
        return [.. names.Select(name =>
        {
            var own = byAgent[name].ToList();
            int Count(ReportTestState state) => own.Count(t => t.State == state);
            return new ReportAgent(
                name,
                policy?.Allows(name) ?? false,
                Count(ReportTestState.Unapproved),
                Count(ReportTestState.Stale),
                Count(ReportTestState.Rejected),
                Count(ReportTestState.Gating),
                Count(ReportTestState.Approved),
                history is null ? null : metrics.GetValueOrDefault(name),
                StopRule(name, policy?.StopRule ?? Configuration.StopRule.Default, decisions, history));
        })];
    }

    /// <summary>
    /// From the history, the rule's state; a stop decision holds whatever the rule says now (the build
    /// refuses the agent's new unapproved tests until a human lets it continue). Without history, only a
    /// recorded decision is known.
    /// </summary>
    private static ReportStopRule? StopRule(string agent, StopRule rule, IReadOnlyList<AgentDecision> decisions, HistoryFacts? history)
    {
        var latest = AgentDecision.Latest(decisions, agent);
        var decision = latest is null ? null : new ReportAgentDecision(latest.Stop, latest.By, latest.At, latest.Reason);
        if (history is null)
        {
            return decision is null ? null : new ReportStopRule(decision.Stop ? "stopped" : "continued", 0, 0, 0, "no history yet", null, decision);
        }

        var state = history.StopRules.TryGetValue(agent, out var known) ? known : new AgentStopRule(StopRuleState.Evaluate([], rule), latest);
        var word = decision is { Stop: true } ? "stopped"
            : state.NeedsDecision ? "trips"
            : state.State.Trips ? "continued"
            : "ok";
        return new ReportStopRule(word, state.State.Triage, state.State.Value, state.State.Events, state.Numbers, state.State.TrippedAt, decision);
    }
}
