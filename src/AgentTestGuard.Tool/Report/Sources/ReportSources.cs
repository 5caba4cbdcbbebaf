using AgentTestGuard.Configuration;
using AgentTestGuard.History.Import;
using AgentTestGuard.History.Store;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.History;
using AgentTestGuard.Tool.Report.Timing;
using AgentTestGuard.Tool.Workspace;

namespace AgentTestGuard.Tool.Report.Sources;

/// <summary>
/// Reads what the report is built from: the test projects' agent tests (building a project whose
/// inventory is out of date, as `status` does), the policy, catalog and review files, the run
/// records, and the history when there is one.
/// </summary>
/// <remarks>
/// The three slow reads do not depend on each other, so they run at once (docs/report.md#speed):
/// the projects' evaluation and inventories here, the history and the run records each on a
/// thread of their own. Their messages are kept and printed in the order of a sequential read.
/// </remarks>
internal static class ReportSources
{
    /// <param name="path">A solution, project or folder (default: the current folder).</param>
    /// <param name="records">Run records or folders of them; none: every TestResults folder of the repository.</param>
    /// <param name="store">The history's --store, if given.</param>
    /// <returns>null after printing why (a file that cannot be read names its position).</returns>
    public static ReportInputs? Load(string? path, IReadOnlyList<string> records, string? store, BuildSettings settings, DateTimeOffset now, Output output)
    {
        var target = Path.GetFullPath(path ?? Directory.GetCurrentDirectory());
        if (!File.Exists(target) && !Directory.Exists(target))
        {
            // The workspace says so.
            _ = RepositoryWorkspace.Load(path, output, WorkspaceNeeds.AgentTests, settings);
            return null;
        }

        // The workspace's folder (RepositoryWorkspace.Folder), known before it is evaluated.
        var folder = Directory.Exists(target) ? target : Path.GetDirectoryName(target)!;
        var files = output.Deferred();
        var context = HistoryContext.Load(folder, store, files);
        var reviews = context is null ? null : ReviewFiles.Load(context, folder, files);
        var recordsOutput = output.Deferred();
        var historyOutput = output.Deferred();
        var runs = context is null ? null : Task.Run(() => ReadRecords(records, context, recordsOutput));
        var history = context is null || reviews is null ? null : Task.Run(() => TryReadHistory(context, reviews, now, historyOutput));

        RepositoryWorkspace? workspace;
        using (ReportTimings.Start("workspace"))
        {
            workspace = RepositoryWorkspace.Load(path, output, WorkspaceNeeds.AgentTests, settings);
        }

        // Wait for both whatever happened: nothing is left running while the command ends.
        var recordsRead = runs?.GetAwaiter().GetResult();
        var historyRead = history?.GetAwaiter().GetResult();
        if (workspace is null)
        {
            return null;
        }

        output.Replay(files);
        if (context is null || reviews is null || !TryReadCatalog(folder, output, out var catalog))
        {
            return null;
        }

        output.Replay(recordsOutput);
        if (recordsRead is null)
        {
            return null;
        }

        output.Replay(historyOutput);
        return historyRead is { Read: true }
            ? new ReportInputs(now, context.Root, context.Policy, catalog, workspace.Rows, reviews, recordsRead, historyRead.Value.Facts)
            : null;
    }

    private static bool TryReadCatalog(string folder, Output output, out CriteriaCatalog? catalog)
    {
        catalog = null;
        if (RepositoryRoot.FindFile(folder, ConfigurationFileNames.Catalog) is not { } catalogFile)
        {
            return true;
        }

        catalog = CriteriaCatalog.Load(catalogFile, out var diagnostics);
        if (catalog is null)
        {
            output.Diagnostics(diagnostics);
            return false;
        }

        return true;
    }

    /// <returns>null after printing a record file or folder that does not exist.</returns>
    private static IReadOnlyList<RunRecordDetails>? ReadRecords(IReadOnlyList<string> records, HistoryContext context, Output output)
    {
        using var timing = ReportTimings.Start("run records");
        return RecentRunRecords.Load(records, context.Root, "the report", output);
    }

    /// <summary>The history, unless there is none yet: a missing SQLite file is not created by a report.</summary>
    private static (bool Read, HistoryFacts? Facts) TryReadHistory(HistoryContext context, ReviewFiles reviews, DateTimeOffset now, Output output)
    {
        using var timing = ReportTimings.Start("history");
        if (!context.Location.IsConnectionString && !File.Exists(context.Location.Value))
        {
            return (true, null);
        }

        try
        {
            using var store = context.Location.Open();
            return (true, HistoryFacts.Read(store, reviews, context.Policy?.StopRule ?? StopRule.Default, now, context.Root));
        }
        catch (HistoryStoreException e)
        {
            output.Error(e.Message);
            return (false, null);
        }
    }
}
