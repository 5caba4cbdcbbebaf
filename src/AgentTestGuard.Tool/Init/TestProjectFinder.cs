using Microsoft.Build.Evaluation;
using Microsoft.Build.Exceptions;

namespace AgentTestGuard.Tool.Init;

/// <summary>A test project, as MSBuild evaluates it, and how AgentTestGuard gets into it.</summary>
/// <param name="CentralVersionsFile">Directory.Packages.props, when the project's package versions are managed centrally.</param>
/// <param name="CentralVersionDefined">Whether central management already has a version for AgentTestGuard.</param>
/// <param name="AssetsFile">Where restore writes project.assets.json.</param>
/// <param name="Framework">The test framework, as users name it ("xunit v3", "MSTest"...); null when none is recognised.</param>
internal sealed record FoundTestProject(
    string ProjectFile, bool ReferencesPackage, string? CentralVersionsFile, bool CentralVersionDefined, string AssetsFile = "", string? Framework = null);

/// <summary>A project MSBuild could not evaluate (a missing SDK or workload, a malformed file).</summary>
internal sealed record UnreadableProject(string ProjectFile, string Problem);

/// <summary>
/// Picks the test projects among project files by evaluating them with the SDK's MSBuild (registered
/// by MSBuildHost first). Projects need not be restored: a test framework's package reference marks
/// a test project as surely as the IsTestProject its package would set after restore.
/// </summary>
internal static class TestProjectFinder
{
    // Packages only a test project references; xunit.v3 also comes as xunit.v3.mtp-v1, -v2, .core.
    private static readonly HashSet<string> TestFrameworkPackages = new(StringComparer.OrdinalIgnoreCase)
    {
        "Microsoft.NET.Test.Sdk", "xunit", "xunit.core", "MSTest", "MSTest.TestFramework", "NUnit", "TUnit", "TUnit.Core",
    };

    public static (IReadOnlyList<FoundTestProject> TestProjects, IReadOnlyList<UnreadableProject> Unreadable) Find(IEnumerable<string> projectFiles)
    {
        var (found, unreadable) = EvaluateTestProjects(projectFiles, Describe);
        return (found, [.. unreadable.Select(u => new UnreadableProject(u.ProjectFile, u.Error.BaseMessage))]);
    }

    /// <summary>
    /// Evaluates each project file (in one collection, so shared imports are read once) and reads
    /// each test project among them with <paramref name="read"/>, in the files' order.
    /// </summary>
    /// <returns>What was read of the test projects, and the files MSBuild could not evaluate.</returns>
    /// <param name="globalProperties">Per project file, global properties to evaluate it with (those its command line would set); null for none.</param>
    internal static (List<T> TestProjects, List<(string ProjectFile, InvalidProjectFileException Error)> Unreadable) EvaluateTestProjects<T>(
        IEnumerable<string> projectFiles, Func<Project, T> read, Func<string, IDictionary<string, string>?>? globalProperties = null)
    {
        var found = new List<T>();
        var unreadable = new List<(string, InvalidProjectFileException)>();
        using var collection = new ProjectCollection();
        foreach (var file in projectFiles)
        {
            Project project;
            try
            {
                project = globalProperties?.Invoke(file) is { Count: > 0 } properties
                    ? collection.LoadProject(file, properties, null)
                    : collection.LoadProject(file);
            }
            catch (InvalidProjectFileException e)
            {
                unreadable.Add((file, e));
                continue;
            }

            if (IsTestProject(project))
            {
                found.Add(read(project));
            }
        }

        return (found, unreadable);
    }

    internal static bool IsTestProject(Project project) =>
        project.GetPropertyValue("IsTestProject").Equals("true", StringComparison.OrdinalIgnoreCase)
        || project.GetItems("PackageReference").Any(p => TestFrameworkPackages.Contains(p.EvaluatedInclude)
            || p.EvaluatedInclude.StartsWith("xunit.v3", StringComparison.OrdinalIgnoreCase));

    private static FoundTestProject Describe(Project project)
    {
        static bool IsPackage(ProjectItem item) => item.EvaluatedInclude.Equals(PackageReferenceEditor.PackageId, StringComparison.OrdinalIgnoreCase);

        var central = project.GetPropertyValue("ManagePackageVersionsCentrally").Equals("true", StringComparison.OrdinalIgnoreCase)
            && project.GetPropertyValue("DirectoryPackagesPropsPath") is { Length: > 0 } props
            && File.Exists(props)
                ? Path.GetFullPath(props)
                : null;
        return new FoundTestProject(
            project.FullPath,
            project.GetItems("PackageReference").Any(IsPackage),
            central,
            central is not null && project.GetItems("PackageVersion").Any(IsPackage),
            Path.GetFullPath(project.GetPropertyValue("ProjectAssetsFile").Replace('\\', '/'), project.DirectoryPath),
            FrameworkOf(project));
    }

    // MSTest.Sdk projects reference MSTest.TestFramework through the SDK, which evaluation shows.
    private static string? FrameworkOf(Project project)
    {
        var packages = project.GetItems("PackageReference").Select(p => p.EvaluatedInclude).ToList();
        bool Has(Func<string, bool> match) => packages.Any(match);
        return Has(p => p.StartsWith("xunit.v3", StringComparison.OrdinalIgnoreCase)) ? "xunit v3"
            : Has(p => p.StartsWith("MSTest", StringComparison.OrdinalIgnoreCase)) ? "MSTest"
            : Has(p => p.StartsWith("NUnit", StringComparison.OrdinalIgnoreCase)) ? "NUnit"
            : Has(p => p.StartsWith("TUnit", StringComparison.OrdinalIgnoreCase)) ? "TUnit"
            : Has(p => p.Equals("xunit", StringComparison.OrdinalIgnoreCase) || p.Equals("xunit.core", StringComparison.OrdinalIgnoreCase)) ? "xunit v2"
            : null;
    }
}
