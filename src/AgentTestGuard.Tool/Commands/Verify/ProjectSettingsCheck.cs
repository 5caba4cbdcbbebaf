using AgentTestGuard.Configuration;
using AgentTestGuard.Tool.Git;
using AgentTestGuard.Tool.Workspace;

namespace AgentTestGuard.Tool.Commands.Verify;

/// <summary>
/// What the build is set up to do, not only what the files say: a test project that leaves the
/// package out while others use it, skips it, turns enforce mode off or reads other review files
/// escapes the gate however clean the ledger is. Each is offending unless the trusted policy's
/// <c>exemptProjects</c> names the project.
/// </summary>
internal static class ProjectSettingsCheck
{
    public sealed record Offence(string ProjectFile, string Why);

    public static IReadOnlyList<Offence> Check(IReadOnlyList<GuardSettings> projects, Policy? policy)
    {
        var exempt = new HashSet<string>(policy?.ExemptProjects ?? [], StringComparer.OrdinalIgnoreCase);
        var usingPackage = projects.Count(p => p.ReferencesPackage);
        var offences = new List<Offence>();
        foreach (var project in projects)
        {
            if (RepositoryPath.Of(project.ProjectFile) is { } inTree && exempt.Contains(inTree))
            {
                continue;
            }

            var why = new List<string>();
            if (!project.ReferencesPackage && usingPackage > 0)
            {
                why.Add($"it does not reference AgentTestGuard while {usingPackage} other test project(s) do: its agent tests would run ungoverned");
            }

            if (project.ReferencesPackage && project.Skip)
            {
                why.Add("AgentTestGuardSkip is true: the build makes no inventory, so its agent tests gate unrecognised" + SetAt(project, "AgentTestGuardSkip"));
            }

            if (project.ReferencesPackage && project.DisabledOtherwise)
            {
                why.Add("the package's targets are switched off (DesignTimeBuild or _AgentTestGuardEnabled): the build makes no inventory, so its agent tests gate unrecognised"
                    + (SetAt(project, "DesignTimeBuild") is { Length: > 0 } designTime ? designTime : SetAt(project, "_AgentTestGuardEnabled")));
            }

            if (project.ReferencesPackage && project.HookMissing)
            {
                why.Add("the package's TestingPlatformBuilderHook is removed: its run-time extension does not load, so the run has no quarantine and no enforce mode");
            }

            why.AddRange(project.CommandLineOff.Where(_ => project.ReferencesPackage).Select(off =>
                $"TestingPlatformCommandLineArguments {off}" + SetAt(project, "TestingPlatformCommandLineArguments")));

            if (project.ReferencesPackage && project.EnforceOff)
            {
                why.Add("AgentTestGuardEnforce is false: a run in CI passes while its agent tests are unreviewed" + SetAt(project, "AgentTestGuardEnforce"));
            }

            if (project.ReferencesPackage && project.StopRefusalOff)
            {
                why.Add("_AgentTestGuardRefuseStoppedAgents is false: a stopped agent's unreviewed tests build (only dotnet agt's own builds may set it)"
                    + SetAt(project, "_AgentTestGuardRefuseStoppedAgents"));
            }

            why.AddRange(project.RerunsOff.Where(_ => project.ReferencesPackage).Select(property =>
                $"{property} is 0: a failed test is not rerun, so a flaky test passes for a plain failure and its flakiness goes unseen" + SetAt(project, property)));

            why.AddRange(project.OtherFiles.Select(file =>
                $"its build reads '{Cli.Output.Inert(file)}' instead of the review file the package finds above the project"
                + (project.OtherFileProperties.TryGetValue(file, out var property) ? SetAt(project, property) : "")));
            if (why.Count > 0)
            {
                offences.Add(new Offence(project.ProjectFile, string.Join("; ", why)));
            }
        }

        return offences;
    }

    /// <summary>" (set at file(line))" when evaluation tells where; empty otherwise.</summary>
    private static string SetAt(GuardSettings project, string property) =>
        project.Origins.TryGetValue(property, out var where) ? $" (set at {Cli.Output.Inert(where)})" : "";
}
