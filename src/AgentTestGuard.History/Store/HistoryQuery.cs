namespace AgentTestGuard.History.Store;

/// <summary>Which runs the metrics read.</summary>
/// <param name="Environments">The runs' environments to read; null for every environment.</param>
/// <param name="Since">Only runs started at or after this time; null for no limit.</param>
/// <param name="LastRuns">Only the latest this many runs (after the other limits); null for no limit.</param>
internal sealed record HistoryQuery(IReadOnlyList<string>? Environments, DateTimeOffset? Since, int? LastRuns)
{
    /// <summary>The default: CI runs only (clean checkouts, one revision per run), all of them.</summary>
    public static HistoryQuery CiRuns { get; } = new(["ci"], null, null);
}
