using AgentTestGuard.Configuration;
using AgentTestGuard.Incidents;
using AgentTestGuard.Tool.Cli;

namespace AgentTestGuard.Tool.Workspace;

/// <summary>
/// The test projects under a path, evaluated by MSBuild. With <see cref="WorkspaceNeeds.AgentTests"/>
/// each has a current inventory: it is built when its inventory is missing or older than its
/// sources, project, policy, catalog or ledger.
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
        MSBuildHost.EnsureRegistered(folder);
        var projectFiles = MalformedMSBuildFile.Report(() => ProjectFilesOf(target), output);
        if (projectFiles is null)
        {
            return null;
        }

        var projects = new List<TestProject>();
        foreach (var file in projectFiles)
        {
            if (Prepare(file, needs, settings, output, out var failed) is { } project)
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

    /// <summary>The project files a path stands for: a project, a solution's projects, or those in a folder and below.</summary>
    /// <remarks>Only after <see cref="MSBuildHost.EnsureRegistered"/>: a solution is read with MSBuild.</remarks>
    public static IReadOnlyList<string> ProjectFilesOf(string target) =>
        File.Exists(target)
            ? ProjectFiles.IsSolution(target) ? ProjectEvaluator.ProjectsOfSolution(target) : [target]
            : ProjectFiles.InFolder(target);

    private static TestProject? Prepare(string projectFile, WorkspaceNeeds needs, BuildSettings settings, Output output, out bool failed)
    {
        failed = false;
        if (!MalformedMSBuildFile.TryEvaluate(projectFile, settings, output, out var evaluation))
        {
            failed = true;
            return null;
        }

        if (evaluation is null)
        {
            return null;
        }

        var needsInventory = needs == WorkspaceNeeds.AgentTests;
        var project = ToProject(projectFile, evaluation);
        if (evaluation.UsesPackage && (!needsInventory || project.InventoriesAreCurrent()))
        {
            return project;
        }

        // Not restored yet (the package's props, which name the files, are not imported), or the
        // inventory is stale. The review files need only the restore; a build could take minutes.
        var name = Path.GetFileName(projectFile);
        var (verb, progress) = needsInventory
            ? ("build", $"building {name} (its agent test inventory is missing or out of date)")
            : ("restore", $"restoring {name} (until it is, where its review files are is not known)");
        output.Progress(progress);
        if (DotNetBuild.Run(verb, projectFile, settings) is { } problem)
        {
            output.Error($"dotnet {verb} failed for {Output.Inert(projectFile)}: {Output.Inert(problem)}");
            failed = true;
            return null;
        }

        if (!MalformedMSBuildFile.TryEvaluate(projectFile, settings, output, out evaluation))
        {
            failed = true;
            return null;
        }

        return evaluation is { UsesPackage: true } && (!needsInventory || evaluation.Inventories.All(i => File.Exists(i.File)))
            ? ToProject(projectFile, evaluation)
            : null;
    }

    private static TestProject ToProject(string projectFile, ProjectEvaluator.Evaluation evaluation)
    {
        // Without a ledger yet, the first approval creates it beside the policy (where the build looks
        // for it: the project's folder or above), else beside the project.
        var approvals = evaluation.ApprovalsFile
            ?? Path.Combine(Path.GetDirectoryName(evaluation.PolicyFile ?? projectFile)!, ConfigurationFileNames.Approvals);
        return new TestProject(projectFile, evaluation.AssemblyName, evaluation.Inventories, approvals, evaluation.PolicyFile, evaluation.Inputs)
        {
            Quarantines = evaluation.Quarantines,
        };
    }
}
