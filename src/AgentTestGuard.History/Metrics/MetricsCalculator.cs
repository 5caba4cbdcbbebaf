using AgentTestGuard.History.Store;

namespace AgentTestGuard.History.Metrics;

/// <summary>Computes the metrics of a window of the history with the repository's review records (docs/metrics.md).</summary>
internal static class MetricsCalculator
{
    /// <param name="windowStart">When the window starts, for review events (the history's runs are already selected); null for no limit.</param>
    /// <param name="scope">Only the tests and events of one agent or one criterion; null for all.</param>
    public static MetricsReport Compute(HistorySnapshot snapshot, ReviewRecords reviews, DateTimeOffset now, DateTimeOffset? windowStart, MetricsScope? scope = null)
    {
        var latest = LatestVariants(snapshot);
        var (runEvents, flaky) = RunOutcomes.Find(snapshot);
        var pending = ReviewBurden.Pending(snapshot, reviews);
        var events = runEvents
            .Concat(ReviewBurden.Events(snapshot, reviews, latest, windowStart))
            .OrderBy(e => e.At)
            .ThenBy(e => e.Kind)
            .ThenBy(e => e.Assembly, StringComparer.Ordinal)
            .ThenBy(e => e.Test, StringComparer.Ordinal)
            .Where(e => scope?.Includes(e.Agent, e.Criteria) ?? true)
            .ToList();
        var tests = latest
            .Select(pair => new SeenTest(
                pair.Key.Item1, pair.Key.Item2, pair.Value.Agent, pair.Value.Criteria, flaky.Contains(pair.Key),
                pending.TryGetValue(pair.Key, out var since) ? since : null))
            .Where(t => scope?.Includes(t.Agent, t.Criteria) ?? true)
            .OrderBy(t => t.Assembly, StringComparer.Ordinal)
            .ThenBy(t => t.Test, StringComparer.Ordinal)
            .ToList();

        // Grouped once: a row per test of a 10,000-test history must not scan every event.
        var testsByAgent = tests.ToLookup(t => t.Agent, StringComparer.Ordinal);
        var eventsByAgent = events.ToLookup(e => e.Agent, StringComparer.Ordinal);
        var testsByCriterion = tests.SelectMany(t => t.Criteria.Select(c => (c, t))).ToLookup(p => p.c, p => p.t, StringComparer.Ordinal);
        var eventsByCriterion = events.SelectMany(e => e.Criteria.Select(c => (c, e))).ToLookup(p => p.c, p => p.e, StringComparer.Ordinal);
        var eventsByTest = events.ToLookup(e => (e.Assembly, e.Test));

        MetricsRow Row(string name, IEnumerable<SeenTest> rowTests, IEnumerable<MetricEvent> rowEvents)
        {
            var counted = rowEvents.ToList();
            return new MetricsRow(name, Figures.Of([.. rowTests], counted, now), counted);
        }

        var agents = testsByAgent.Select(g => g.Key).Concat(eventsByAgent.Select(g => g.Key)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var criteria = testsByCriterion.Select(g => g.Key).Concat(eventsByCriterion.Select(g => g.Key)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return new MetricsReport(
            now,
            windowStart,
            snapshot.Runs.Count,
            Row("overall", tests, events),
            [.. agents.Select(a => Row(a, testsByAgent[a], eventsByAgent[a]))],
            [.. criteria.Select(c => Row(c, testsByCriterion[c], eventsByCriterion[c]))],
            [.. tests.Select(t => Row($"{t.Assembly}: {t.Test}", [t], eventsByTest[(t.Assembly, t.Test)]))]);
    }

    /// <summary>Each test's variant as last seen in the window: its current agent, criteria and fingerprint.</summary>
    private static Dictionary<(string, string), TestVariant> LatestVariants(HistorySnapshot snapshot)
    {
        var order = new Dictionary<long, int>(snapshot.Runs.Count);
        for (var i = 0; i < snapshot.Runs.Count; i++)
        {
            order[snapshot.Runs[i].Key] = i;
        }

        // The latest run of each variant first (numbers only), then the latest variant of each test.
        var lastRunOfVariant = new Dictionary<long, int>(snapshot.Variants.Count);
        foreach (var result in snapshot.Results)
        {
            var run = order[result.RunKey];
            if (!lastRunOfVariant.TryGetValue(result.VariantKey, out var known) || known < run)
            {
                lastRunOfVariant[result.VariantKey] = run;
            }
        }

        var latest = new Dictionary<(string, string), (int Run, long Key, TestVariant Variant)>();
        foreach (var (key, run) in lastRunOfVariant)
        {
            var variant = snapshot.Variants[key];
            var test = (variant.Assembly, variant.Test);
            // Ties (two variants in the same run: two cases) go to the higher key, so the answer does not depend on order.
            if (!latest.TryGetValue(test, out var known) || known.Run < run || (known.Run == run && known.Key < key))
            {
                latest[test] = (run, key, variant);
            }
        }

        return latest.ToDictionary(p => p.Key, p => p.Value.Variant);
    }
}
