using AgentTestGuard.Incidents;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Report.Timing;

namespace AgentTestGuard.Tool.Workspace;

/// <summary>
/// The test projects under a path, in three steps: evaluated by MSBuild, refreshed where the command
/// needs it (<see cref="WorkspaceRefresh"/>: with <see cref="WorkspaceNeeds.AgentTests"/> a project is
/// built when its inventory is missing or older than its sources, project, policy, catalog or
/// ledger), then read.
/// </summary>
internal sealed class RepositoryWorkspace
{
    private RepositoryWorkspace(
        string folder, IReadOnlyList<TestProject> projects, IReadOnlyList<AgentTestRow> rows, IReadOnlyDictionary<string, IReadOnlyList<Incident>> incidents)
    {
        Folder = folder;
        Projects = projects;
        Rows = rows;
        Incidents = incidents;
    }

    /// <summary>
    /// The folder the command was pointed at (the path, or the folder of a solution or project
    /// file): whose git repository, and so whose identity, a decision is recorded under.
    /// </summary>
    public string Folder { get; }

    public IReadOnlyList<TestProject> Projects { get; }

    public IReadOnlyList<AgentTestRow> Rows { get; }

    /// <summary>The incident logs of the projects, by file, each read once however many projects share it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Incident>> Incidents { get; }

    /// <summary>Evaluates the projects under <paramref name="path"/>, refreshes those that need it, and reads them.</summary>
    /// <returns>null after reporting why through <paramref name="output"/>.</returns>
    /// <param name="settings">The command's build settings (-c, -f, -p); none by default.</param>
    public static RepositoryWorkspace? Load(string? path, Output output, WorkspaceNeeds needs, BuildSettings? settings = null)
    {
        settings ??= BuildSettings.None;
        var target = Path.GetFullPath(path ?? Directory.GetCurrentDirectory());
        if (!File.Exists(target) && !Directory.Exists(target))
        {
            output.Error($"'{Output.Inert(target)}' does not exist.");
            return null;
        }

        var folder = Directory.Exists(target) ? target : Path.GetDirectoryName(target)!;
        using (ReportTimings.Start("workspace: MSBuild located"))
        {
            MSBuildHost.EnsureRegistered(folder);
        }

        var timing = ReportTimings.Start("workspace: projects evaluated");
        var evaluated = Evaluate(target, settings, output);
        timing.Dispose();
        if (evaluated is null)
        {
            return null;
        }

        var projects = new List<TestProject>();
        foreach (var (file, evaluation) in evaluated)
        {
            if (WorkspaceRefresh.Refresh(file, evaluation, needs, settings, output, out var failed) is { } project)
            {
                projects.Add(project);
            }
            else if (failed)
            {
                return null;
            }
        }

        if (projects.Count == 0)
        {
            output.Error($"No test project using AgentTestGuard under '{Output.Inert(target)}'.");
            return null;
        }

        using var reading = ReportTimings.Start("workspace: inventories read");
        return Read(folder, projects, needs, output);
    }

    /// <summary>The project files a path stands for: a project, a solution's projects, or those in a folder and below.</summary>
    /// <remarks>Only after <see cref="MSBuildHost.EnsureRegistered"/>: a solution is read with MSBuild.</remarks>
    public static IReadOnlyList<string> ProjectFilesOf(string target) =>
        File.Exists(target)
            ? ProjectFiles.IsSolution(target) ? ProjectEvaluator.ProjectsOfSolution(target) : [target]
            : ProjectFiles.InFolder(target);

    /// <summary>Every project under <paramref name="target"/> that references AgentTestGuard, evaluated before any is built.</summary>
    /// <returns>null after reporting a file MSBuild could not read.</returns>
    private static List<(string File, ProjectEvaluator.Evaluation Evaluation)>? Evaluate(string target, BuildSettings settings, Output output)
    {
        if (MalformedMSBuildFile.Report(() => ProjectFilesOf(target), output) is not { } projectFiles)
        {
            return null;
        }

        if (MalformedMSBuildFile.Report(() => ProjectEvaluator.EvaluateAll(projectFiles, settings), output) is not { } evaluations)
        {
            return null;
        }

        return [.. projectFiles.Zip(evaluations).Where(e => e.Second is not null).Select(e => (e.First, e.Second!))];
    }

    /// <summary>Reads the projects' incident logs and, where the command needs them, their agent tests.</summary>
    /// <returns>null after reporting a malformed incident log.</returns>
    private static RepositoryWorkspace? Read(string folder, List<TestProject> projects, WorkspaceNeeds needs, Output output)
    {
        var logs = new Dictionary<string, IReadOnlyList<Incident>>(StringComparer.Ordinal);
        foreach (var file in projects.Select(p => p.IncidentsFile).Distinct().Where(File.Exists))
        {
            if (IncidentLog.Load(file, out var diagnostics) is not { } loaded)
            {
                output.Diagnostics(diagnostics);
                return null;
            }

            logs[file] = loaded;
        }

        var rows = new List<AgentTestRow>();
        foreach (var project in needs == WorkspaceNeeds.AgentTests ? projects : [])
        {
            rows.AddRange(AgentTestRows.Of(project, logs.GetValueOrDefault(project.IncidentsFile, [])));
        }

        rows.Sort((a, b) => string.CompareOrdinal(a.Test.Id, b.Test.Id));
        return new RepositoryWorkspace(folder, projects, rows, logs);
    }
}
