using AgentTestGuard.Configuration;
using AgentTestGuard.History.Import;
using AgentTestGuard.History.Store;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.History;
using AgentTestGuard.Tool.Workspace;

namespace AgentTestGuard.Tool.Report.Sources;

/// <summary>
/// Reads what the report is built from: the test projects' agent tests (building a project whose
/// inventory is out of date, as `status` does), the policy, catalog and review files, the run
/// records, and the history when there is one.
/// </summary>
internal static class ReportSources
{
    /// <param name="path">A solution, project or folder (default: the current folder).</param>
    /// <param name="records">Run records or folders of them; none: every TestResults folder of the repository.</param>
    /// <param name="store">The history's --store, if given.</param>
    /// <returns>null after printing why (a file that cannot be read names its position).</returns>
    public static ReportInputs? Load(string? path, IReadOnlyList<string> records, string? store, BuildSettings settings, DateTimeOffset now, Output output)
    {
        if (RepositoryWorkspace.Load(path, output, WorkspaceNeeds.AgentTests, settings) is not { } workspace
            || HistoryContext.Load(workspace.Folder, store, output) is not { } context
            || ReviewFiles.Load(context, workspace.Folder, output) is not { } reviews)
        {
            return null;
        }

        CriteriaCatalog? catalog = null;
        if (RepositoryRoot.FindFile(workspace.Folder, ConfigurationFileNames.Catalog) is { } catalogFile)
        {
            catalog = CriteriaCatalog.Load(catalogFile, out var diagnostics);
            if (catalog is null)
            {
                output.Diagnostics(diagnostics);
                return null;
            }
        }

        if (RecentRunRecords.Load(records, context.Root, "the report", output) is not { } runs)
        {
            return null;
        }

        if (!TryReadHistory(context, reviews, now, output, out var history))
        {
            return null;
        }

        return new ReportInputs(now, context.Root, context.Policy, catalog, workspace.Rows, reviews, runs, history);
    }

    /// <summary>The history, unless there is none yet: a missing SQLite file is not created by a report.</summary>
    private static bool TryReadHistory(HistoryContext context, ReviewFiles reviews, DateTimeOffset now, Output output, out HistoryFacts? history)
    {
        history = null;
        if (!context.Location.IsConnectionString && !File.Exists(context.Location.Value))
        {
            return true;
        }

        try
        {
            using var store = context.Location.Open();
            history = HistoryFacts.Read(store, reviews, context.Policy?.StopRule ?? StopRule.Default, now, context.Root);
            return true;
        }
        catch (HistoryStoreException e)
        {
            output.Error(e.Message);
            return false;
        }
    }
}
