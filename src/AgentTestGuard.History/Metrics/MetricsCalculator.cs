using AgentTestGuard.History.Store;

namespace AgentTestGuard.History.Metrics;

/// <summary>Computes the metrics of a window of the history with the repository's review records (docs/metrics.md).</summary>
internal static class MetricsCalculator
{
    /// <param name="windowStart">When the window starts, for review events (the history's runs are already selected); null for no limit.</param>
    /// <param name="scope">Only the tests and events of one agent or one criterion; null for all.</param>
    public static MetricsReport Compute(HistorySnapshot snapshot, ReviewRecords reviews, DateTimeOffset now, DateTimeOffset? windowStart, MetricsScope? scope = null) =>
        Compute(new SnapshotNumbers(snapshot), reviews, now, windowStart, scope);

    /// <param name="numbers">The snapshot's numbers, when the caller has them already.</param>
    public static MetricsReport Compute(SnapshotNumbers numbers, ReviewRecords reviews, DateTimeOffset now, DateTimeOffset? windowStart, MetricsScope? scope = null)
    {
        var latest = LatestVariants(numbers);
        var (runEvents, flaky) = RunOutcomes.Find(numbers);
        var pending = ReviewBurden.Pending(numbers, reviews);
        var events = runEvents
            .Concat(ReviewBurden.Events(numbers, reviews, latest, windowStart))
            .OrderBy(e => e.At)
            .ThenBy(e => e.Kind)
            .ThenBy(e => e.Assembly, StringComparer.Ordinal)
            .ThenBy(e => e.Test, StringComparer.Ordinal)
            .Where(e => scope?.Includes(e.Agent, e.Criteria) ?? true)
            .ToList();
        var tests = new List<(SeenTest Test, int Number)>(latest.Length);
        for (var t = 0; t < latest.Length; t++)
        {
            if (latest[t] is { } variant && (scope?.Includes(variant.Agent, variant.Criteria) ?? true))
            {
                tests.Add((new SeenTest(numbers.Tests[t].Assembly, numbers.Tests[t].Test, variant.Agent, variant.Criteria, flaky[t], pending[t]), t));
            }
        }

        tests.Sort((a, b) => string.CompareOrdinal(a.Test.Assembly, b.Test.Assembly) is var byAssembly and not 0 ? byAssembly : string.CompareOrdinal(a.Test.Test, b.Test.Test));
        var seen = tests.ConvertAll(t => t.Test);

        // Grouped once: a row per test of a 10,000-test history must not scan every event.
        var testsByAgent = seen.ToLookup(t => t.Agent, StringComparer.Ordinal);
        var eventsByAgent = events.ToLookup(e => e.Agent, StringComparer.Ordinal);
        var testsByCriterion = seen.SelectMany(t => t.Criteria.Select(c => (c, t))).ToLookup(p => p.c, p => p.t, StringComparer.Ordinal);
        var eventsByCriterion = events.SelectMany(e => e.Criteria.Select(c => (c, e))).ToLookup(p => p.c, p => p.e, StringComparer.Ordinal);
        var eventsByTest = new List<MetricEvent>?[latest.Length];
        foreach (var metricEvent in events)
        {
            if (metricEvent.Assembly is not null && metricEvent.Test is not null && numbers.TryGetTest(metricEvent.Assembly, metricEvent.Test, out var number))
            {
                (eventsByTest[number] ??= []).Add(metricEvent);
            }
        }

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
            numbers.Snapshot.Runs.Count,
            Row("overall", seen, events),
            [.. agents.Select(a => Row(a, testsByAgent[a], eventsByAgent[a]))],
            [.. criteria.Select(c => Row(c, testsByCriterion[c], eventsByCriterion[c]))],
            [.. tests.Select(t => new MetricsRow(
                $"{t.Test.Assembly}: {t.Test.Test}",
                Figures.Of([t.Test], eventsByTest[t.Number] ?? [], now),
                eventsByTest[t.Number] ?? []))]);
    }

    /// <summary>Each test's variant as last seen in the window (its current agent, criteria and fingerprint), by test number; null for a test without results.</summary>
    private static TestVariant?[] LatestVariants(SnapshotNumbers numbers)
    {
        // The latest run of each variant first, then the latest variant of each test.
        var lastRunOfVariant = new int[numbers.Variants.Length];
        Array.Fill(lastRunOfVariant, -1);
        for (var i = 0; i < numbers.RunOfResult.Length; i++)
        {
            ref var known = ref lastRunOfVariant[numbers.VariantOfResult[i]];
            known = Math.Max(known, numbers.RunOfResult[i]);
        }

        var latest = new (int Run, long Key, TestVariant? Variant)[numbers.Tests.Length];
        for (var variant = 0; variant < lastRunOfVariant.Length; variant++)
        {
            var run = lastRunOfVariant[variant];
            var key = numbers.VariantKeys[variant];
            ref var known = ref latest[numbers.TestOfVariant[variant]];
            // Ties (two variants in the same run: two cases) go to the higher key, so the answer does not depend on order.
            if (run >= 0 && (known.Variant is null || known.Run < run || (known.Run == run && known.Key < key)))
            {
                known = (run, key, numbers.Variants[variant]);
            }
        }

        return Array.ConvertAll(latest, l => l.Variant);
    }
}
