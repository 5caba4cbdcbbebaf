using AgentTestGuard.Configuration;
using AgentTestGuard.History.Metrics;
using AgentTestGuard.History.Store;
using AgentTestGuard.Incidents;
using AgentTestGuard.Tool.Cli;

namespace AgentTestGuard.Tool.History;

/// <summary>
/// After an import: the false alarms the history now shows (CI runs, as the metrics read by
/// default) go into the repository's incident log as incidents of kind <c>false-alarm</c>, each once.
/// </summary>
internal static class FalseAlarmRecorder
{
    /// <returns>false after printing why the incident log could not be read or written.</returns>
    public static bool Record(HistoryContext context, IHistoryStore store, string folder, Output output)
    {
        var events = MetricsCalculator.Compute(store.Read(HistoryQuery.CiRuns), ReviewRecords.None, DateTimeOffset.UtcNow, null).Overall.Events;
        if (!events.Any(e => e.Kind == MetricEventKind.FalseAlarm))
        {
            return true;
        }

        var path = context.File(ConfigurationFileNames.Incidents, folder);
        // Read first, so that a log already holding every false alarm is not rewritten.
        if (File.Exists(path) && IncidentLog.Load(path, out _) is { } current && FalseAlarmIncidents.Missing(events, current).Count == 0)
        {
            return true;
        }

        var added = 0;
        if (!IncidentLog.Update(
                path,
                existing =>
                {
                    var missing = FalseAlarmIncidents.Missing(events, existing);
                    added = missing.Count;
                    return existing.Concat(missing);
                },
                out var diagnostics))
        {
            output.Diagnostics(diagnostics);
            return false;
        }

        if (added > 0)
        {
            output.Line($"recorded {added} false alarm(s) in {Output.Inert(path)}: review and commit it");
        }

        return true;
    }
}
