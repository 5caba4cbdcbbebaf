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
                why.Add("AgentTestGuardSkip is true: the build makes no inventory, so its agent tests gate unrecognised");
            }

            if (project.ReferencesPackage && project.EnforceOff)
            {
                why.Add("AgentTestGuardEnforce is false: a run in CI passes while its agent tests are unreviewed");
            }

            if (project.ReferencesPackage && project.StopRefusalOff)
            {
                why.Add("_AgentTestGuardRefuseStoppedAgents is false: a stopped agent's unreviewed tests build (only dotnet agt's own builds may set it)");
            }

            why.AddRange(project.OtherFiles.Select(file =>
                $"its build reads '{Cli.Output.Inert(file)}' instead of the review file the package finds above the project"));
            if (why.Count > 0)
            {
                offences.Add(new Offence(project.ProjectFile, string.Join("; ", why)));
            }
        }

        return offences;
    }
}
