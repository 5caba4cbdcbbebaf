using AgentTestGuard.Decisions;
using AgentTestGuard.History.Metrics;

namespace AgentTestGuard.Tool.History;

/// <summary>An agent's stop rule as `metrics` shows it: the rule's state, and the human decision that settles it, if any.</summary>
/// <param name="Decision">The latest stop or continue decision about the agent, at any time; null when none is recorded.</param>
internal sealed record AgentStopRule(StopRuleState State, AgentDecision? Decision)
{
    /// <summary>The rule trips and no decision was recorded since it began to trip: CI must ask a human.</summary>
    public bool NeedsDecision => State.Trips && (Decision is null || Decision.At < State.TrippedAt);

    /// <summary>The numbers that decide the rule, and the rule itself.</summary>
    public string Numbers
    {
        get
        {
            var rule = State.Rule;
            var ratio = rule.MaxTriageToValue.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
            return $"triage {State.Triage} vs value {State.Value} in {State.Events} event(s); trips above {ratio} x value with at least {rule.MinimumEvents} events";
        }
    }

    /// <summary>One word for a table: trips, stopped, continued, or ok.</summary>
    public string Word => !State.Trips ? "ok"
        : NeedsDecision ? "TRIPS"
        : Decision!.Stop ? "stopped"
        : "continued";
}
