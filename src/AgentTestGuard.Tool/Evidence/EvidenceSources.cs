using AgentTestGuard.Configuration;
using AgentTestGuard.History.Import;
using AgentTestGuard.History.Metrics;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Report.Sources;
using AgentTestGuard.Tool.Workspace;

namespace AgentTestGuard.Tool.Evidence;

/// <summary>
/// Where the evidence about agent tests comes from, read once per command: the latest run records
/// (as the report reads them), the history when there is one (its runs the records do not give),
/// and the criteria catalog. <see cref="Of(AgentTestRow)"/> then gives any test's
/// <see cref="TestEvidence"/> at its current fingerprint without reading a file.
/// </summary>
internal sealed class EvidenceSources(IReadOnlyList<RunRecordDetails> runs, CriteriaCatalog? catalog, HistoryEvidence? history = null)
{
    private readonly HistoryEvidence _history = history ?? HistoryEvidence.None;

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
        return HistoryEvidence.Load(folder, keys, runs, output) is { } history ? new EvidenceSources(runs, catalog, history) : null;
    }

    public TestEvidence Of(AgentTestRow row) =>
        Of(row.Project.AssemblyName, row.Test);

    public TestEvidence Of(string assembly, Inventory.AgentTest test)
    {
        var recorded = RunTally.Of(Runs, assembly, test.Id, test.Fingerprint);
        var stored = _history.Of(assembly, test.Id, test.Fingerprint);
        // The history's runs are those the records do not give, so the two add up; flakiness across
        // runs is judged within each source.
        var figures = new RunFigures(
            recorded.Runs + stored.Runs,
            recorded.Attempts + stored.Attempts,
            recorded.PassingRuns + stored.PassingRuns,
            recorded.FailingRuns + stored.FailingRuns,
            recorded.Flaky || stored.Flaky);
        return new TestEvidence(
            figures.Runs,
            figures.Attempts,
            figures.PassingRuns,
            figures.FailingRuns,
            figures.Flaky,
            test.CannotFail,
            [.. test.Criteria.Select(id => new EvidenceCriterion(id, catalog?.Find(id)?.Text))]);
    }
}
