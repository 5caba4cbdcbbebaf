using AgentTestGuard.History.Store;
using AgentTestGuard.Incidents;

namespace AgentTestGuard.History.Metrics;

/// <summary>
/// Review events from the repository (approvals, rejections, mistakes) and the tests awaiting
/// review now, set against the history: when each test was first seen, and who wrote it.
/// </summary>
internal static class ReviewBurden
{
    /// <param name="windowStart">Decisions before it are outside the window; null for no limit.</param>
    public static List<MetricEvent> Events(HistorySnapshot snapshot, ReviewRecords reviews, IReadOnlyDictionary<(string, string), TestVariant> latest, DateTimeOffset? windowStart)
    {
        var events = new List<MetricEvent>();
        foreach (var approval in reviews.Approvals)
        {
            // An approval of a test the history never saw says nothing about an agent it knows.
            if (latest.TryGetValue((approval.Assembly, approval.Test), out var variant) && InWindow(approval.At))
            {
                events.Add(new MetricEvent(
                    MetricEventKind.Approval, variant.Agent, approval.Assembly, approval.Test, variant.Criteria, approval.At,
                    DecisionTime: DecisionTime(snapshot, approval.Assembly, approval.Test, approval.At)));
            }
        }

        foreach (var incident in reviews.Incidents.Where(i => i.Kind is IncidentKind.Rejection or IncidentKind.Mistake && InWindow(i.At)))
        {
            var criteria = incident.Assembly is not null && incident.Test is not null && latest.TryGetValue((incident.Assembly, incident.Test), out var variant)
                ? variant.Criteria
                : [];
            events.Add(incident.Kind == IncidentKind.Rejection
                ? new MetricEvent(
                    MetricEventKind.Rejection, incident.Agent, incident.Assembly, incident.Test, criteria, incident.At,
                    DecisionTime: DecisionTime(snapshot, incident.Assembly!, incident.Test!, incident.At))
                : new MetricEvent(MetricEventKind.Mistake, incident.Agent, incident.Assembly, incident.Test, criteria, incident.At));
        }

        return events;

        bool InWindow(DateTimeOffset at) => windowStart is null || at >= windowStart;
    }

    /// <summary>
    /// The agent tests of each assembly's latest run that await review now: no approval of their
    /// current fingerprint in the ledger, and no rejection of it in the incident log.
    /// </summary>
    /// <returns>Each such test and when it was first seen.</returns>
    public static Dictionary<(string, string), DateTimeOffset> Pending(HistorySnapshot snapshot, ReviewRecords reviews)
    {
        var latestRun = snapshot.Runs
            .GroupBy(r => r.Assembly, StringComparer.Ordinal)
            .Select(g => g.Last().Key)
            .ToHashSet();
        var approved = reviews.Approvals.Select(a => (a.Assembly, a.Test, a.Fingerprint)).ToHashSet();
        var rejected = reviews.Incidents
            .Where(i => i.Kind == IncidentKind.Rejection)
            .Select(i => (i.Assembly!, i.Test!, i.Fingerprint!))
            .ToHashSet();
        var pending = new Dictionary<(string, string), DateTimeOffset>();
        foreach (var result in snapshot.Results.Where(r => latestRun.Contains(r.RunKey)))
        {
            var variant = snapshot.Variants[result.VariantKey];
            var current = (variant.Assembly, variant.Test, variant.Fingerprint);
            if (!approved.Contains(current) && !rejected.Contains(current)
                && snapshot.FirstSeen.TryGetValue((variant.Assembly, variant.Test), out var since))
            {
                pending[(variant.Assembly, variant.Test)] = since;
            }
        }

        return pending;
    }

    private static TimeSpan? DecisionTime(HistorySnapshot snapshot, string assembly, string test, DateTimeOffset at) =>
        snapshot.FirstSeen.TryGetValue((assembly, test), out var seen)
            ? (at > seen ? at - seen : TimeSpan.Zero)
            : null;
}
