using AgentTestGuard.History.Metrics;
using HistoryFigures = AgentTestGuard.History.Metrics.TestEvidence;
using AgentTestGuard.History.Store;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.History;

namespace AgentTestGuard.Tool.Evidence;

/// <summary>
/// The history's part of the evidence: each wanted test's results at its fingerprint in the
/// history's runs of every environment, read in one pass. Nothing when there is no history:
/// approve never creates one.
/// </summary>
internal sealed class HistoryEvidence(IReadOnlyDictionary<EvidenceKey, IReadOnlyList<CaseRun>> cases)
{
    public static HistoryEvidence None { get; } = new(new Dictionary<EvidenceKey, IReadOnlyList<CaseRun>>());

    /// <returns>null after printing why the history could not be read.</returns>
    /// <param name="keys">The tests, at their current fingerprints, whose results are wanted: read in one pass.</param>
    public static HistoryEvidence? Load(string folder, IEnumerable<EvidenceKey> keys, Output output)
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
            return Of(store.Read(new HistoryQuery(null, null, null)), keys);
        }
        catch (HistoryStoreException e)
        {
            output.Error(e.Message);
            return null;
        }
    }

    /// <summary>The wanted tests' results in a snapshot of the history.</summary>
    public static HistoryEvidence Of(HistorySnapshot snapshot, IEnumerable<EvidenceKey> keys) => new(HistoryFigures.CaseRuns(snapshot, keys));

    /// <summary>The history's results of the test at that fingerprint; none when it has none.</summary>
    public IReadOnlyList<CaseRun> Of(string assembly, string test, string fingerprint) =>
        cases.TryGetValue(new EvidenceKey(assembly, test, fingerprint), out var found) ? found : [];
}
