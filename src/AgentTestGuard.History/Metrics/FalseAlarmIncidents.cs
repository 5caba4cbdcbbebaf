using AgentTestGuard.Incidents;

namespace AgentTestGuard.History.Metrics;

/// <summary>
/// The false alarms the history found, as incidents of kind <c>false-alarm</c> for the incident
/// log: each once, however often the history is imported or measured.
/// </summary>
internal static class FalseAlarmIncidents
{
    /// <summary>Who the log names as having recorded them: the tool, not a person.</summary>
    public const string RecordedBy = "AgentTestGuard (dotnet agt history import)";

    /// <returns>The false alarms of <paramref name="events"/> that <paramref name="existing"/> lacks, oldest first.</returns>
    public static IReadOnlyList<Incident> Missing(IEnumerable<MetricEvent> events, IEnumerable<Incident> existing)
    {
        var known = existing
            .Where(i => i.Kind == IncidentKind.FalseAlarm)
            .Select(i => (i.Assembly, i.Test, i.Fingerprint, i.At.UtcDateTime))
            .ToHashSet();
        return
        [
            .. events
                // A fingerprint the product did not write would make the log unreadable (AGT0017); one
                // of either version the incident log reads is kept.
                .Where(e => e.Kind == MetricEventKind.FalseAlarm && e.Fingerprint is { } f && Inventory.Fingerprint.IsValid(f))
                .Select(e => new Incident(IncidentKind.FalseAlarm, e.Assembly, e.Test, e.Fingerprint, e.Agent, RecordedBy, TruncateToSeconds(e.At), e.Detail!))
                .Where(i => known.Add((i.Assembly, i.Test, i.Fingerprint, i.At.UtcDateTime)))
                .OrderBy(i => i.At),
        ];
    }

    // The log keeps whole seconds: compared as written, a re-import finds its own line again.
    private static DateTimeOffset TruncateToSeconds(DateTimeOffset at) =>
        new(at.UtcDateTime.Ticks - (at.UtcDateTime.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
