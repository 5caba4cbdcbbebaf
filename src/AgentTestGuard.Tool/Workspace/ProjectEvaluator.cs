using System.Runtime.ExceptionServices;
using AgentTestGuard.InventoryFormat;
using AgentTestGuard.Tool.Init;
using Microsoft.Build.Construction;
using Microsoft.Build.Evaluation;

namespace AgentTestGuard.Tool.Workspace;

/// <summary>
/// Evaluates projects with the SDK's own MSBuild (registered by <see cref="MSBuildHost"/>), so
/// the tool sees the properties and file locations the build sees. Only called after registration.
/// </summary>
internal static class ProjectEvaluator
{
    public static IReadOnlyList<string> ProjectsOfSolution(string solution) =>
        [.. SolutionFile.Parse(Path.GetFullPath(solution)).ProjectsInOrder
            .Where(p => p.ProjectType == SolutionProjectType.KnownToBeMSBuildFormat)
            .Select(p => p.AbsolutePath)
            .Where(ProjectFiles.IsProject)];

    /// <summary>What evaluation says about a project; null when it does not reference AgentTestGuard.</summary>
    /// <param name="settings">The command's -c, -f and -p, as global properties, so that evaluation sees what the build sees.</param>
    /// <remarks>Evaluates afresh, nothing shared with an earlier evaluation: for a project just restored or built.</remarks>
    public static Evaluation? Evaluate(string projectFile, BuildSettings settings)
    {
        using var evaluations = new SharedEvaluation(settings);
        return Evaluate(projectFile, evaluations);
    }

    /// <summary>
    /// What evaluation says about each project, in the files' order (null for one without AgentTestGuard):
    /// the projects of one command, evaluated together (<see cref="SharedEvaluation"/>) and at once.
    /// </summary>
    /// <exception cref="Microsoft.Build.Exceptions.InvalidProjectFileException">
    /// The first file, in the files' order, that MSBuild cannot read: as one at a time would have stopped there.
    /// </exception>
    public static IReadOnlyList<Evaluation?> EvaluateAll(IReadOnlyList<string> projectFiles, BuildSettings settings)
    {
        using var evaluations = new SharedEvaluation(settings);
        var results = new Evaluation?[projectFiles.Count];
        var failures = new ExceptionDispatchInfo?[projectFiles.Count];
        Parallel.For(0, projectFiles.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            try
            {
                results[i] = Evaluate(projectFiles[i], evaluations);
            }
            catch (Exception e)
            {
                failures[i] = ExceptionDispatchInfo.Capture(e);
            }
        });
        failures.FirstOrDefault(f => f is not null)?.Throw();
        return results;
    }

    private static Evaluation? Evaluate(string projectFile, SharedEvaluation evaluations)
    {
        var project = evaluations.Load(projectFile, framework: null);
        if (!project.GetItems("PackageReference").Any(p => p.EvaluatedInclude.Equals(PackageReferenceEditor.PackageId, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        // A multi-targeted project has an inventory per target framework (each build writes its
        // own); its first framework stands for it where they share everything (sources, files).
        var frameworks = new List<Project> { project };
        if (project.GetPropertyValue("TargetFramework").Length == 0
            && project.GetPropertyValue("TargetFrameworks").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } all)
        {
            frameworks = [.. all.Select(framework => evaluations.Load(projectFile, framework))];
            project = frameworks[0];
        }

        var directory = project.DirectoryPath;
        string Full(string relative) => Path.GetFullPath(Native(relative), directory);
        var usesPackage = project.GetPropertyValue("_AgentTestGuardTasksAssembly").Length > 0;
        var inventories = frameworks.Select(p => new FrameworkInventory(
            p.GetPropertyValue("TargetFramework"),
            Full(Path.Combine(p.GetPropertyValue("IntermediateOutputPath"), p.GetPropertyValue("TargetName") + InventoryDocument.FileSuffix)))).ToList();
        var policy = FullOrNull(project.GetPropertyValue("AgentTestGuardPolicyFile"));
        var approvals = FullOrNull(project.GetPropertyValue("AgentTestGuardApprovalsFile"));
        var criteria = FullOrNull(project.GetPropertyValue("AgentTestGuardCriteriaFile"));
        var incidents = FullOrNull(project.GetPropertyValue("AgentTestGuardIncidentsFile"));
        string? FullOrNull(string value) => value.Length == 0 ? null : Full(value);
        var inputs = project.GetItems("Compile").Select(i => Full(i.EvaluatedInclude))
            .Append(project.FullPath)
            .Concat(new[] { policy, approvals, criteria, incidents }.OfType<string>())
            .ToList();
        // As the package's targets decide AGT0016: quarantine needs the platform on .NET 8 or later.
        var quarantines = frameworks.All(p => p.GetPropertyValue("IsTestingPlatformApplication").Equals("true", StringComparison.OrdinalIgnoreCase)
            && p.GetPropertyValue("_AgentTestGuardRunsOnPlatform").Equals("true", StringComparison.OrdinalIgnoreCase));
        return new Evaluation(usesPackage, project.GetPropertyValue("AssemblyName"), inventories, policy, approvals, inputs) { Quarantines = quarantines };
    }

    // Evaluated properties keep the SDK's Windows separators ("obj\Debug/net10.0/"); MSBuild fixes
    // them only when it runs a task.
    private static string Native(string path) =>
        Path.DirectorySeparatorChar == '/' ? path.Replace('\\', '/') : path;

    internal sealed record Evaluation(
        bool UsesPackage, string AssemblyName, IReadOnlyList<FrameworkInventory> Inventories, string? PolicyFile, string? ApprovalsFile, IReadOnlyList<string> Inputs)
    {
        public bool Quarantines { get; init; } = true;
    }
}
