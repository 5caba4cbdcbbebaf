using AgentTestGuard.Configuration;

namespace AgentTestGuard.History.Metrics;

/// <summary>
/// Whether an agent's stop rule trips (docs/metrics.md): over the rule's window, at least the
/// minimum number of events, and triage above the allowed multiple of value.
/// </summary>
/// <param name="TrippedAt">
/// When the rule last began to trip: the event from which on, replaying the window's events in
/// order, it has tripped without a break. A human decision after it settles the rule; null when it does not trip.
/// </param>
internal sealed record StopRuleState(bool Trips, int Events, int Triage, int Value, DateTimeOffset? TrippedAt, StopRule Rule)
{
    /// <summary>Triage per value; null without value (any triage is then infinitely more).</summary>
    public double? Ratio => Value > 0 ? (double)Triage / Value : null;

    public static StopRuleState Evaluate(IEnumerable<MetricEvent> events, StopRule rule)
    {
        int triage = 0, value = 0;
        DateTimeOffset? trippedAt = null;
        var tripping = false;
        foreach (var metricEvent in events.OrderBy(e => e.At))
        {
            triage += metricEvent.IsTriage ? 1 : 0;
            value += metricEvent.IsValue ? 1 : 0;
            var now = TripsWith(rule, triage, value);
            if (now && !tripping)
            {
                trippedAt = metricEvent.At;
            }

            tripping = now;
        }

        return new StopRuleState(tripping, triage + value, triage, value, tripping ? trippedAt : null, rule);
    }

    private static bool TripsWith(StopRule rule, int triage, int value) =>
        triage + value >= rule.MinimumEvents && triage > rule.MaxTriageToValue * value;
}
