namespace AgentTestGuard.History.Metrics;

/// <summary>The metrics of a window: overall, per agent, per criterion and per test, each row's figures with the events behind them.</summary>
/// <param name="WindowStart">The earliest moment the window covers; null when it covers the whole history.</param>
/// <param name="Runs">How many runs the window holds.</param>
internal sealed record MetricsReport(
    DateTimeOffset Now,
    DateTimeOffset? WindowStart,
    int Runs,
    MetricsRow Overall,
    IReadOnlyList<MetricsRow> Agents,
    IReadOnlyList<MetricsRow> Criteria,
    IReadOnlyList<MetricsRow> Tests);

/// <param name="Name">The agent, the criterion, the test (<c>assembly: id</c>), or "overall".</param>
/// <param name="Events">What the row counts, oldest first: the stop rule replays them.</param>
internal sealed record MetricsRow(string Name, Figures Figures, IReadOnlyList<MetricEvent> Events);
