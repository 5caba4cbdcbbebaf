using AgentTestGuard.Files;
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
    public static Evaluation? Evaluate(string projectFile)
    {
        using var collection = new ProjectCollection();
        var project = collection.LoadProject(projectFile);
        if (!project.GetItems("PackageReference").Any(p => p.EvaluatedInclude.Equals(PackageReferenceEditor.PackageId, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        // A multi-targeted project: its first framework stands for it (all share sources and files).
        if (project.GetPropertyValue("TargetFramework").Length == 0
            && project.GetPropertyValue("TargetFrameworks").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is [var first, ..])
        {
            project = collection.LoadProject(projectFile, new Dictionary<string, string> { ["TargetFramework"] = first }, null);
        }

        var directory = project.DirectoryPath;
        string Full(string relative) => Path.GetFullPath(Native(relative), directory);
        var usesPackage = project.GetPropertyValue("_AgentTestGuardTasksAssembly").Length > 0;
        var targetName = project.GetPropertyValue("TargetName");
        var inventory = Full(Path.Combine(project.GetPropertyValue("IntermediateOutputPath"), targetName + InventoryDocument.FileSuffix));
        var policy = FullOrNull(project.GetPropertyValue("AgentTestGuardPolicyFile"));
        var approvals = FullOrNull(project.GetPropertyValue("AgentTestGuardApprovalsFile"));
        var criteria = FullOrNull(project.GetPropertyValue("AgentTestGuardCriteriaFile"));
        var incidents = FullOrNull(project.GetPropertyValue("AgentTestGuardIncidentsFile"));
        string? FullOrNull(string value) => value.Length == 0 ? null : Full(value);
        var inputs = project.GetItems("Compile").Select(i => Full(i.EvaluatedInclude))
            .Append(project.FullPath)
            .Concat(new[] { policy, approvals, criteria, incidents }.OfType<string>())
            .ToList();
        return new Evaluation(usesPackage, project.GetPropertyValue("AssemblyName"), inventory, policy, approvals, inputs);
    }

    // Evaluated properties keep the SDK's Windows separators ("obj\Debug/net10.0/"); MSBuild fixes
    // them only when it runs a task.
    private static string Native(string path) =>
        Path.DirectorySeparatorChar == '/' ? path.Replace('\\', '/') : path;

    internal sealed record Evaluation(
        bool UsesPackage, string AssemblyName, string InventoryFile, string? PolicyFile, string? ApprovalsFile, IReadOnlyList<string> Inputs);
}
