using AgentTestGuard.Tool.Cli;

namespace AgentTestGuard.Tool.Init;

/// <summary>What init tells the user about each test project's platform, and the steps that follow, in the words of the project's test framework.</summary>
internal static class InitReport
{
    private const string Package = PackageReferenceEditor.PackageId;

    /// <summary>The tail of a project's CHANGE cell when the package was added.</summary>
    public static string PlatformNote(PlatformFinding? platform) => platform?.State switch
    {
        PlatformState.NotOnPlatform => "; no quarantine: runs on VSTest, its agent tests gate (AGT0016)",
        PlatformState.NotChecked => "; its test platform was not checked: restore failed",
        _ => "",
    };

    public static string TooOld(PlatformFinding platform) =>
        $"runs on Microsoft.Testing.Platform {platform.Version}" + (platform.BroughtBy is { } by ? $" (from {Output.Inert(by)})" : "")
        + $"; {Package} needs {RestoringPlatformProbe.RequiredVersion} or later (NuGet would refuse the downgrade, NU1605)";

    public static void NextSteps(IReadOnlyList<FoundTestProject> projects, IReadOnlyDictionary<FoundTestProject, PlatformFinding> platforms, Output output)
    {
        output.Line("Next:");
        var steps = new List<string>();
        if (projects.Count == 0)
        {
            steps.Add($"No test project was found: add the package to yours with `dotnet add package {Package}`.");
        }

        foreach (var (project, platform) in platforms.Where(p => p.Value.State == PlatformState.TooOld).OrderBy(p => p.Key.ProjectFile, StringComparer.Ordinal))
        {
            var upgrade = platform.BroughtBy is { } by && !by.StartsWith(ProjectAssetsPlatform.PlatformPackage + " ", StringComparison.OrdinalIgnoreCase)
                ? $"Upgrade {Output.Inert(by.Split(' ')[0])} in {Name(project)} to a version built on Microsoft.Testing.Platform {RestoringPlatformProbe.RequiredVersion} or later"
                : $"Raise Microsoft.Testing.Platform in {Name(project)} to {RestoringPlatformProbe.RequiredVersion} or later";
            steps.Add($"{upgrade}, then `dotnet add {Name(project)} package {Package}`: init left it as it was.");
        }

        if (platforms.Where(p => p.Value.State == PlatformState.NotOnPlatform).Select(p => Name(p.Key)).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } vsTest)
        {
            steps.Add($"{string.Join(", ", vsTest)} {(vsTest.Count == 1 ? "runs" : "run")} on VSTest: the build checks {(vsTest.Count == 1 ? "its" : "their")} agent tests, but they gate like any other test "
                + "(no quarantine). Move to Microsoft.Testing.Platform for quarantine (docs/run-time.md).");
        }

        steps.Add("Name the workflow's owner and the agents allowed to write tests in agenttestguard.policy.json.");
        steps.Add("List the acceptance criteria agent tests check in agenttestguard.criteria.json.");
        steps.Add("Tag each test an agent writes: " + TagExamples(projects) + ".");
        steps.Add("`dotnet build`, then `dotnet agt status`. Commit the new files: they are reviewed like code.");
        for (var i = 0; i < steps.Count; i++)
        {
            output.Line($"  {i + 1}. {steps[i]}");
        }
    }

    // One example per framework the test projects use; the generic form when none is recognised.
    private static string TagExamples(IReadOnlyList<FoundTestProject> projects)
    {
        var frameworks = projects.Select(p => p.Framework).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        return frameworks.Count == 0
            ? "[AgentGenerated(\"copilot\", Criteria = [\"CART-12\"])] beside its test attribute"
            : string.Join(", ", frameworks.Select(f => f switch
            {
                "xunit v3" => "[AgentFact(\"copilot\", \"CART-12\")] (xunit v3; [AgentTheory] for a theory)",
                "MSTest" => "[TestMethod, AgentGenerated(\"copilot\", Criteria = [\"CART-12\"])] (MSTest)",
                "xunit v2" => "[Fact, AgentGenerated(\"copilot\", Criteria = [\"CART-12\"])] (xunit v2)",
                _ => $"[Test, AgentGenerated(\"copilot\", Criteria = [\"CART-12\"])] ({f})",
            }));
    }

    private static string Name(FoundTestProject project) => Output.Inert(Path.GetFileName(project.ProjectFile));
}
