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
    /// <param name="latest">Each test's latest variant by number (null for a test without results).</param>
    public static List<MetricEvent> Events(SnapshotNumbers numbers, ReviewRecords reviews, TestVariant?[] latest, DateTimeOffset? windowStart)
    {
        var snapshot = numbers.Snapshot;
        var events = new List<MetricEvent>();
        foreach (var approval in reviews.Approvals)
        {
            // An approval of a test the history never saw says nothing about an agent it knows.
            if (Latest(approval.Assembly, approval.Test) is { } variant && InWindow(approval.At))
            {
                events.Add(new MetricEvent(
                    MetricEventKind.Approval, variant.Agent, approval.Assembly, approval.Test, variant.Criteria, approval.At,
                    DecisionTime: DecisionTime(snapshot, approval.Assembly, approval.Test, approval.At)));
            }
        }

        foreach (var incident in reviews.Incidents.Where(i => i.Kind is IncidentKind.Rejection or IncidentKind.Mistake && InWindow(i.At)))
        {
            var criteria = incident.Assembly is not null && incident.Test is not null && Latest(incident.Assembly, incident.Test) is { } variant
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

        TestVariant? Latest(string assembly, string test) => numbers.TryGetTest(assembly, test, out var number) ? latest[number] : null;
    }

    /// <summary>
    /// The agent tests of each assembly's latest run that await review now: no approval of their
    /// current fingerprint in the ledger, and no rejection of it in the incident log.
    /// </summary>
    /// <returns>Per test number: when it was first seen, if it awaits review; else null.</returns>
    public static DateTimeOffset?[] Pending(SnapshotNumbers numbers, ReviewRecords reviews)
    {
        var snapshot = numbers.Snapshot;
        var latestRunOfAssembly = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < snapshot.Runs.Count; i++)
        {
            latestRunOfAssembly[snapshot.Runs[i].Assembly] = i;
        }

        var latestRun = new bool[snapshot.Runs.Count];
        foreach (var run in latestRunOfAssembly.Values)
        {
            latestRun[run] = true;
        }

        var approved = reviews.Approvals.Select(a => (a.Assembly, a.Test, a.Fingerprint)).ToHashSet();
        var rejected = reviews.Incidents
            .Where(i => i.Kind == IncidentKind.Rejection)
            .Select(i => (i.Assembly!, i.Test!, i.Fingerprint!))
            .ToHashSet();
        // The variants of the latest runs, then each once.
        var current = new bool[numbers.Variants.Length];
        for (var i = 0; i < numbers.RunOfResult.Length; i++)
        {
            current[numbers.VariantOfResult[i]] |= latestRun[numbers.RunOfResult[i]];
        }

        var pending = new DateTimeOffset?[numbers.Tests.Length];
        for (var v = 0; v < current.Length; v++)
        {
            var variant = numbers.Variants[v];
            var key = (variant.Assembly, variant.Test, variant.Fingerprint);
            if (current[v] && !approved.Contains(key) && !rejected.Contains(key)
                && snapshot.FirstSeen.TryGetValue((variant.Assembly, variant.Test), out var since))
            {
                pending[numbers.TestOfVariant[v]] = since;
            }
        }

        return pending;
    }

    private static TimeSpan? DecisionTime(HistorySnapshot snapshot, string assembly, string test, DateTimeOffset at) =>
        snapshot.FirstSeen.TryGetValue((assembly, test), out var seen)
            ? (at > seen ? at - seen : TimeSpan.Zero)
            : null;
}
