namespace AgentTestGuard.History.Metrics;

/// <summary>Narrows the metrics to one agent's tests, or to the tests linked to one criterion, or both.</summary>
internal sealed record MetricsScope(string? Agent, string? Criterion)
{
    public bool Includes(string agent, IReadOnlyList<string> criteria) =>
        (Agent is null || string.Equals(agent, Agent, StringComparison.OrdinalIgnoreCase))
        && (Criterion is null || criteria.Contains(Criterion, StringComparer.Ordinal));
}
