using AgentTestGuard.Configuration;
using AgentTestGuard.History.Import;
using AgentTestGuard.History.Metrics;
using HistoryFigures = AgentTestGuard.History.Metrics.TestEvidence;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Report.Sources;
using AgentTestGuard.Tool.Workspace;

namespace AgentTestGuard.Tool.Evidence;

/// <summary>
/// Where the evidence about agent tests comes from, read once per command: the latest run records
/// (as the report reads them), the history when there is one, and the criteria catalog. <see cref="Of(AgentTestRow)"/> then gives any test's
/// <see cref="TestEvidence"/> at its current fingerprint without reading a file.
/// </summary>
internal sealed class EvidenceSources(IReadOnlyList<RunRecordDetails> runs, CriteriaCatalog? catalog, HistoryEvidence? history = null)
{
    private readonly HistoryEvidence _history = history ?? HistoryEvidence.None;

    private readonly HashSet<string> _recordedRuns = runs.Select(r => r.RunId).ToHashSet(StringComparer.Ordinal);

    /// <summary>The records read, oldest first.</summary>
    public IReadOnlyList<RunRecordDetails> Runs { get; } = runs;

    /// <param name="folder">The folder the command was pointed at: its repository's TestResults folders are searched, and its catalog read.</param>
    /// <param name="records">Run records, or folders of them; none: every TestResults folder of the repository.</param>
    /// <param name="rows">The tests whose evidence the command shows: the history counts theirs in one pass.</param>
    /// <returns>null after printing why: a catalog or history that cannot be read, or a named path that does not exist.</returns>
    public static EvidenceSources? Load(string folder, IReadOnlyList<AgentTestRow> rows, IReadOnlyList<string> records, Output output)
    {
        CriteriaCatalog? catalog = null;
        if (RepositoryRoot.FindFile(folder, ConfigurationFileNames.Catalog) is { } catalogFile)
        {
            catalog = CriteriaCatalog.Load(catalogFile, out var diagnostics);
            if (catalog is null)
            {
                output.Diagnostics(diagnostics);
                return null;
            }
        }

        if (RecentRunRecords.Load(records, RepositoryRoot.Find(folder), "the evidence", output) is not { } runs)
        {
            return null;
        }

        var keys = rows.Select(r => new EvidenceKey(r.Project.AssemblyName, r.Test.Id, r.Test.Fingerprint));
        return HistoryEvidence.Load(folder, keys, output) is { } history ? new EvidenceSources(runs, catalog, history) : null;
    }

    public TestEvidence Of(AgentTestRow row) =>
        Of(row.Project.AssemblyName, row.Test);

    public TestEvidence Of(string assembly, Inventory.AgentTest test)
    {
        // A run counts once: the history's copy of a run the records give is left out. The rest are
        // counted together, so that a failure in one source and a pass in the other at the same
        // revision is flaky, as it would be once the records are imported into the history.
        var recorded = RunTally.CaseRuns(Runs, assembly, test.Id, test.Fingerprint);
        var stored = _history.Of(assembly, test.Id, test.Fingerprint).Where(c => !_recordedRuns.Contains(c.RunId));
        var figures = HistoryFigures.Tally(recorded.Concat(stored));
        return new TestEvidence(
            figures.Runs,
            figures.Attempts,
            figures.PassedRuns,
            figures.FailedRuns,
            figures.Flaky,
            test.CannotFail,
            [.. test.Criteria.Select(id => new EvidenceCriterion(id, catalog?.Find(id)?.Text))]);
    }
}
