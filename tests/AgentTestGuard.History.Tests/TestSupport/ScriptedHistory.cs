using AgentTestGuard.History.Import;
using AgentTestGuard.History.Metrics;
using AgentTestGuard.History.Store;

namespace AgentTestGuard.History.Tests.TestSupport;

/// <summary>
/// A history written as real run records, imported into a store, and measured: each scripted run
/// is a day after the last (at 09:00 UTC from <see cref="Runs.Start"/>).
/// </summary>
internal sealed class ScriptedHistory(IHistoryStore store, TempFolder folder)
{
    private int _runs;

    public ScriptedHistory Run(string? revision, params T[] tests) => Run(revision, "ci", tests);

    public ScriptedHistory Run(string? revision, string environment, params T[] tests)
    {
        var at = Runs.Start.AddDays(_runs);
        _runs++;
        var file = folder.Write($"runs/{_runs:D3}.agentrun.json", Runs.Json($"{_runs:D32}", at, revision, environment, "Shop.Tests", tests));
        var summary = HistoryImporter.Import(store, [file]);
        if (summary.Added != 1)
        {
            throw new InvalidOperationException($"run {_runs} was not imported: {string.Join("; ", summary.Problems)}");
        }

        return this;
    }

    /// <summary>What `dotnet agt approve` asks of the history (<see cref="TestEvidence"/>).</summary>
    public IReadOnlyDictionary<EvidenceKey, TestEvidence> Evidence(HistoryQuery query, params EvidenceKey[] keys) =>
        TestEvidence.Read(store, keys, query);

    public MetricsReport Metrics(ReviewRecords? reviews = null, HistoryQuery? query = null, DateTimeOffset? now = null)
    {
        var selected = query ?? HistoryQuery.CiRuns;
        var snapshot = store.Read(selected);
        var start = selected.Since ?? (selected.LastRuns is not null && snapshot.Runs.Count > 0 ? snapshot.Runs[0].StartedAt : null);
        return MetricsCalculator.Compute(snapshot, reviews ?? ReviewRecords.None, now ?? Runs.Start.AddDays(_runs + 1), start);
    }
}
