using AgentTestGuard.Configuration;
using AgentTestGuard.History.Import;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Report.Sources;
using AgentTestGuard.Tool.Workspace;

namespace AgentTestGuard.Tool.Evidence;

/// <summary>
/// Where the evidence about agent tests comes from, read once per command: the latest run records
/// (as the report reads them) and the criteria catalog. <see cref="Of(AgentTestRow)"/> then gives any test's
/// <see cref="TestEvidence"/> at its current fingerprint without reading a file.
/// </summary>
internal sealed class EvidenceSources(IReadOnlyList<RunRecordDetails> runs, CriteriaCatalog? catalog)
{
    /// <summary>The records read, oldest first.</summary>
    public IReadOnlyList<RunRecordDetails> Runs { get; } = runs;

    /// <param name="folder">The folder the command was pointed at: its repository's TestResults folders are searched, and its catalog read.</param>
    /// <param name="records">Run records, or folders of them; none: every TestResults folder of the repository.</param>
    /// <returns>null after printing why: a catalog that cannot be read, or a named path that does not exist.</returns>
    public static EvidenceSources? Load(string folder, IReadOnlyList<string> records, Output output)
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

        var (files, missing) = RecordFiles.Expand(records.Count > 0 ? records : RecordFiles.DefaultFolders(RepositoryRoot.Find(folder)));
        foreach (var gone in missing)
        {
            output.Error($"{Output.Inert(gone)}: no such file or folder.");
        }

        if (missing.Count > 0)
        {
            return null;
        }

        var (runs, problems) = RecentRunRecords.Read(files);
        foreach (var problem in problems)
        {
            // A broken record must not hide the others: it is left out, and its runs do not count.
            output.Error($"{Output.Inert(problem.ToString())} (left out of the evidence)");
        }

        return new EvidenceSources(runs, catalog);
    }

    public TestEvidence Of(AgentTestRow row) =>
        Of(row.Project.AssemblyName, row.Test);

    public TestEvidence Of(string assembly, Inventory.AgentTest test)
    {
        var figures = RunTally.Of(Runs, assembly, test.Id, test.Fingerprint);
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
