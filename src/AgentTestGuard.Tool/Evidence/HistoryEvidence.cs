using AgentTestGuard.History.Metrics;
using HistoryFigures = AgentTestGuard.History.Metrics.TestEvidence;
using AgentTestGuard.History.Store;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.History;
using AgentTestGuard.Tool.Report.Sources;

namespace AgentTestGuard.Tool.Evidence;

/// <summary>
/// The history's part of the evidence: its runs of every environment, less those the run records
/// read already give (a run counts once), counted by the history's own query per (assembly, test,
/// fingerprint). Nothing when there is no history: approve never creates one.
/// </summary>
internal sealed class HistoryEvidence(IReadOnlyDictionary<EvidenceKey, HistoryFigures> figures)
{
    public static HistoryEvidence None { get; } = new(new Dictionary<EvidenceKey, HistoryFigures>());

    /// <returns>null after printing why the history could not be read.</returns>
    /// <param name="keys">The tests, at their current fingerprints, whose figures are wanted: counted in one pass.</param>
    public static HistoryEvidence? Load(string folder, IEnumerable<EvidenceKey> keys, IReadOnlyList<RunRecordDetails> records, Output output)
    {
        if (HistoryContext.Load(folder, null, output) is not { } context)
        {
            return null;
        }

        if (!context.Location.Exists)
        {
            return None;
        }

        try
        {
            using var store = context.Location.Open();
            var snapshot = store.Read(new HistoryQuery(null, null, null));
            var read = records.Select(r => r.RunId).ToHashSet(StringComparer.Ordinal);
            var kept = snapshot.Runs.Where(r => !read.Contains(r.RunId)).ToList();
            var runKeys = kept.Select(r => r.Key).ToHashSet();
            var unread = snapshot with { Runs = kept, Results = [.. snapshot.Results.Where(r => runKeys.Contains(r.RunKey))] };
            return new HistoryEvidence(HistoryFigures.Of(unread, keys));
        }
        catch (HistoryStoreException e)
        {
            output.Error(e.Message);
            return null;
        }
    }

    /// <summary>The history's figures for the test at that fingerprint; zero when it has none.</summary>
    public RunFigures Of(string assembly, string test, string fingerprint) =>
        figures.TryGetValue(new EvidenceKey(assembly, test, fingerprint), out var evidence)
            ? new RunFigures(evidence.Runs, evidence.Attempts, evidence.PassedRuns, evidence.FailedRuns, evidence.Flaky)
            : new RunFigures(0, 0, 0, 0, false);
}
