using System.Globalization;

namespace AgentTestGuard.Tool.History;

/// <summary>`--since`: a number of days back from now (<c>30d</c>) or a UTC date or time (<c>2026-11-01</c>, <c>2026-11-01T09:00:00Z</c>).</summary>
internal static class SinceOption
{
    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset since)
    {
        var trimmed = text.Trim();
        if (trimmed.EndsWith('d') && int.TryParse(trimmed[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days > 0)
        {
            since = now.AddDays(-days);
            return true;
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out since);
    }
}
