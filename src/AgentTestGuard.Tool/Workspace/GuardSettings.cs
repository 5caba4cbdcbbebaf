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

    /// <summary>AgentTestGuardReruns or AgentTestGuardRerunBudget is 0: a failed test is never rerun, so a flaky one looks like a plain failure.</summary>
    public IReadOnlyList<string> RerunsOff { get; init; } = [];

    /// <summary>The package's targets are imported, yet turned off by something other than AgentTestGuardSkip (DesignTimeBuild, the internal switch).</summary>
    public bool DisabledOtherwise { get; init; }

    /// <summary>The package's targets are on, but its run-time extension's TestingPlatformBuilderHook was removed: the run has no gate.</summary>
    public bool HookMissing { get; init; }

    /// <summary>What TestingPlatformCommandLineArguments (passed to every run of the test app) turns off, as phrases.</summary>
    public IReadOnlyList<string> CommandLineOff { get; init; } = [];

    /// <summary>Where a property that offends was set, by name: "file(line)", a response file's line, or an environment variable.</summary>
    public IReadOnlyDictionary<string, string> Origins { get; init; } = new Dictionary<string, string>();

    /// <summary>For each of <see cref="OtherFiles"/>, the property that names it.</summary>
    public IReadOnlyDictionary<string, string> OtherFileProperties { get; init; } = new Dictionary<string, string>();

    /// <summary>The TestingPlatformBuilderHook the package's targets add for its run-time extension.</summary>
    private const string ExtensionHook = "5B0F6B2E-7C1D-4E8A-9F3B-2A6C8D4E1F07";

    private static readonly string[] RerunProperties = ["AgentTestGuardReruns", "AgentTestGuardRerunBudget"];

    /// <summary>The property names whose value <see cref="Origins"/> tells.</summary>
    internal static readonly string[] Watched =
    [
        "AgentTestGuardSkip", "AgentTestGuardEnforce", "_AgentTestGuardRefuseStoppedAgents", "AgentTestGuardReruns", "AgentTestGuardRerunBudget",
        "DesignTimeBuild", "_AgentTestGuardEnabled", "AgentTestGuardPolicyFile", "AgentTestGuardApprovalsFile", "AgentTestGuardCriteriaFile",
        "AgentTestGuardDecisionsFile", "AgentTestGuardIncidentsFile", "TestingPlatformCommandLineArguments",
    ];

    private static readonly (string Property, string FileName)[] ReviewFiles =
    [
        ("AgentTestGuardPolicyFile", ConfigurationFileNames.Policy),
        ("AgentTestGuardApprovalsFile", ConfigurationFileNames.Approvals),
        ("AgentTestGuardCriteriaFile", ConfigurationFileNames.Catalog),
        ("AgentTestGuardDecisionsFile", Decisions.DecisionLog.FileName),
        ("AgentTestGuardIncidentsFile", ConfigurationFileNames.Incidents),
    ];

    /// <returns>The settings of each test project among the files, or the problem of one MSBuild cannot read.</returns>
    public static (IReadOnlyList<GuardSettings>? Settings, string? Problem) OfTestProjects(IEnumerable<string> projectFiles)
    {
        // MSBuild applies the nearest Directory.Build.rsp as if typed on its command line: so does this.
        var fromResponseFiles = new Dictionary<string, IReadOnlyList<ResponseFileProperties.Setting>>(StringComparer.Ordinal);
        IDictionary<string, string>? GlobalProperties(string file)
        {
            var settings = ResponseFileProperties.Find(Path.GetDirectoryName(Path.GetFullPath(file))!) is { } rsp ? ResponseFileProperties.Read(rsp) : [];
            fromResponseFiles[Path.GetFullPath(file)] = settings;
            var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var setting in settings)
            {
                properties[setting.Name] = setting.Value;
            }

            return properties;
        }

        var (settings, unreadable) = TestProjectFinder.EvaluateTestProjects(
            projectFiles, project => Read(project, fromResponseFiles.GetValueOrDefault(project.FullPath, [])), GlobalProperties);
        return unreadable is [(_, var e), ..]
            ? (null, $"{e.ProjectFile}({e.LineNumber},{e.ColumnNumber}): {e.BaseMessage}")
            : (settings, null);
    }

    private static GuardSettings Read(Project project, IReadOnlyList<ResponseFileProperties.Setting> fromResponseFile)
    {
        var references = project.GetItems("PackageReference")
            .Any(p => p.EvaluatedInclude.Equals(PackageReferenceEditor.PackageId, StringComparison.OrdinalIgnoreCase));
        var skip = project.GetPropertyValue("AgentTestGuardSkip").Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
        var enforceOff = project.GetPropertyValue("AgentTestGuardEnforce").Trim().Equals("false", StringComparison.OrdinalIgnoreCase);
        var other = new List<string>();
        var otherProperties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (property, fileName) in ReviewFiles)
        {
            var value = project.GetPropertyValue(property).Trim();
            if (value.Length == 0)
            {
                continue;
            }

            var used = Path.GetFullPath(Path.DirectorySeparatorChar == '/' ? value.Replace('\\', '/') : value, project.DirectoryPath);
            if (!string.Equals(used, Expected(project.DirectoryPath, fileName), StringComparison.Ordinal))
            {
                other.Add(used);
                otherProperties[used] = property;
            }
        }

        bool Is(string property, string value) => project.GetPropertyValue(property).Trim().Equals(value, StringComparison.OrdinalIgnoreCase);
        bool Zero(string property) => int.TryParse(project.GetPropertyValue(property).Trim(), out var number) && number == 0;
        var imported = project.GetPropertyValue("_AgentTestGuardTasksAssembly").Length > 0;
        var disabled = imported && !skip && Is("_AgentTestGuardEnabled", "false");
        var arguments = project.GetPropertyValue("TestingPlatformCommandLineArguments");
        return new GuardSettings(project.FullPath, references, skip, enforceOff, other)
        {
            StopRefusalOff = Is("_AgentTestGuardRefuseStoppedAgents", "false"),
            RerunsOff = [.. RerunProperties.Where(Zero)],
            OtherFileProperties = otherProperties,
            DisabledOtherwise = disabled,
            HookMissing = imported && !skip && !disabled && Is("_AgentTestGuardRunsOnPlatform", "true")
                && !project.GetItems("TestingPlatformBuilderHook").Any(hook => hook.EvaluatedInclude.Equals(ExtensionHook, StringComparison.OrdinalIgnoreCase)),
            CommandLineOff = Commands.Verify.SettingLines.Weakening(arguments) is { } off ? [$"'{arguments.Trim()}' {off}"] : [],
            Origins = Watched.Select(name => (name, Where: OriginOf(project, name, fromResponseFile)))
                .Where(o => o.Where is not null)
                .ToDictionary(o => o.name, o => o.Where!, StringComparer.Ordinal),
        };
    }

    /// <summary>"file(line)" of the last setting of the property: a response file's switch, a project or imported file's element, or an environment variable.</summary>
    private static string? OriginOf(Project project, string name, IReadOnlyList<ResponseFileProperties.Setting> fromResponseFile)
    {
        if (fromResponseFile.LastOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } setting)
        {
            return setting.Where;
        }

        return project.GetProperty(name) switch
        {
            null => null,
            { IsEnvironmentProperty: true } => $"the environment variable {name}",
            { IsGlobalProperty: true } => "a global property",
            { Xml.Location: { File.Length: > 0 } location } => $"{location.File}({location.Line})",
            _ => null,
        };
    }

    /// <summary>
    /// The file the package itself would use: the nearest one of that name in the folder or above;
    /// for the incident log, the one beside the ledger when there is a ledger.
    /// </summary>
    private static string? Expected(string folder, string fileName)
    {
        if (fileName == ConfigurationFileNames.Incidents && FoundAbove(folder, ConfigurationFileNames.Approvals) is { } ledger)
        {
            return Path.Combine(Path.GetDirectoryName(ledger)!, fileName);
        }

        return FoundAbove(folder, fileName);
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
