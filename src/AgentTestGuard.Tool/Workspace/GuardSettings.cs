using AgentTestGuard.Configuration;
using AgentTestGuard.Tool.Init;
using Microsoft.Build.Evaluation;

namespace AgentTestGuard.Tool.Workspace;

/// <summary>
/// How a test project's evaluation sets AgentTestGuard up: whether it references the package,
/// skips it, turns enforce mode off, or points the build at review files other than the ones the
/// package finds by itself. Read with the SDK's MSBuild (registered first), as the build reads it.
/// </summary>
/// <param name="OtherFiles">Review files the project's properties name instead of the ones found above its folder.</param>
internal sealed record GuardSettings(string ProjectFile, bool ReferencesPackage, bool Skip, bool EnforceOff, IReadOnlyList<string> OtherFiles)
{
    /// <summary>The refusal of a stopped agent's unreviewed tests (AGT0019) is off: only `dotnet agt`'s own builds may turn it off.</summary>
    public bool StopRefusalOff { get; init; }

    private static readonly (string Property, string FileName)[] ReviewFiles =
    [
        ("AgentTestGuardPolicyFile", ConfigurationFileNames.Policy),
        ("AgentTestGuardApprovalsFile", ConfigurationFileNames.Approvals),
        ("AgentTestGuardCriteriaFile", ConfigurationFileNames.Catalog),
        ("AgentTestGuardDecisionsFile", Decisions.DecisionLog.FileName),
    ];

    /// <returns>The settings of each test project among the files, or the problem of one MSBuild cannot read.</returns>
    public static (IReadOnlyList<GuardSettings>? Settings, string? Problem) OfTestProjects(IEnumerable<string> projectFiles)
    {
        var (settings, unreadable) = TestProjectFinder.EvaluateTestProjects(projectFiles, Read);
        return unreadable is [(_, var e), ..]
            ? (null, $"{e.ProjectFile}({e.LineNumber},{e.ColumnNumber}): {e.BaseMessage}")
            : (settings, null);
    }

    private static GuardSettings Read(Project project)
    {
        var references = project.GetItems("PackageReference")
            .Any(p => p.EvaluatedInclude.Equals(PackageReferenceEditor.PackageId, StringComparison.OrdinalIgnoreCase));
        var skip = project.GetPropertyValue("AgentTestGuardSkip").Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
        var enforceOff = project.GetPropertyValue("AgentTestGuardEnforce").Trim().Equals("false", StringComparison.OrdinalIgnoreCase);
        var other = new List<string>();
        foreach (var (property, fileName) in ReviewFiles)
        {
            var value = project.GetPropertyValue(property).Trim();
            if (value.Length == 0)
            {
                continue;
            }

            var used = Path.GetFullPath(Path.DirectorySeparatorChar == '/' ? value.Replace('\\', '/') : value, project.DirectoryPath);
            if (!string.Equals(used, FoundAbove(project.DirectoryPath, fileName), StringComparison.Ordinal))
            {
                other.Add(used);
            }
        }

        return new GuardSettings(project.FullPath, references, skip, enforceOff, other)
        {
            StopRefusalOff = project.GetPropertyValue("_AgentTestGuardRefuseStoppedAgents").Trim().Equals("false", StringComparison.OrdinalIgnoreCase),
        };
    }

    /// <summary>The file the package itself would use: the nearest one of that name in the folder or above.</summary>
    private static string? FoundAbove(string folder, string fileName)
    {
        for (var directory = new DirectoryInfo(folder); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
