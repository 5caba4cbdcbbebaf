namespace AgentTestGuard.History.Metrics;

/// <summary>Medians and percentiles of sorted durations, as docs/metrics.md states them.</summary>
internal static class Percentile
{
    /// <summary>The middle value; for an even count, the mean of the two middle ones. Null for none.</summary>
    public static TimeSpan? Median(IReadOnlyList<TimeSpan> sorted) => sorted.Count switch
    {
        0 => null,
        var n when n % 2 == 1 => sorted[n / 2],
        var n => (sorted[(n / 2) - 1] + sorted[n / 2]) / 2,
    };

    /// <summary>The nearest-rank percentile: the smallest value with at least <paramref name="percent"/>% of the values at or below it. Null for none.</summary>
    public static TimeSpan? NearestRank(IReadOnlyList<TimeSpan> sorted, int percent) =>
        sorted.Count == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1)];
}
