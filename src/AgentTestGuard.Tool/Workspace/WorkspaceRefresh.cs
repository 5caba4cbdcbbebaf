using AgentTestGuard.Tool.Cli;

namespace AgentTestGuard.Tool.Workspace;

/// <summary>
/// Brings an evaluated project to what a command needs, with the SDK's own commands: a restore
/// where its packages are not restored, a build where its inventory is not current. Says which it
/// runs, on which project, and why.
/// </summary>
internal static class WorkspaceRefresh
{
    /// <summary>"build" or "restore", and the reason told to the user.</summary>
    internal sealed record Step(string Verb, string Reason);

    /// <summary>What <paramref name="project"/> needs before a command that needs <paramref name="needs"/> can read it; null when nothing.</summary>
    /// <param name="restored">Whether evaluation imported the package's build files, which a restore brings in.</param>
    public static Step? Needed(TestProject project, bool restored, WorkspaceNeeds needs) => needs switch
    {
        // The review files need only the restore that names them; a build could take minutes.
        WorkspaceNeeds.ReviewFiles => restored ? null : new Step("restore", "it is not restored, and until it is, where its review files are is not known"),
        _ when !restored => new Step("build", "it is not restored, so it has no agent test inventory yet"),
        _ => project.StaleInventory() is { } stale ? new Step("build", stale) : null,
    };

    /// <summary>The project as the command can use it: refreshed where it needed to be.</summary>
    /// <returns>null when it cannot be used (<paramref name="failed"/> says whether that ends the command).</returns>
    public static TestProject? Refresh(
        string projectFile, ProjectEvaluator.Evaluation evaluation, WorkspaceNeeds needs, BuildSettings settings, Output output, out bool failed)
    {
        failed = false;
        var project = TestProjects.Of(projectFile, evaluation);
        if (Needed(project, evaluation.UsesPackage, needs) is not { } step)
        {
            return project;
        }

        output.Progress($"{(step.Verb == "build" ? "building" : "restoring")} {Path.GetFileName(projectFile)} ({step.Reason})");
        if (DotNetBuild.Run(step.Verb, projectFile, settings) is { } problem)
        {
            output.Error($"dotnet {step.Verb} failed for {Output.Inert(projectFile)}: {Output.Inert(problem)}");
            failed = true;
            return null;
        }

        if (!MalformedMSBuildFile.TryEvaluate(projectFile, settings, output, out var refreshed))
        {
            failed = true;
            return null;
        }

        return refreshed is { UsesPackage: true } && (needs != WorkspaceNeeds.AgentTests || refreshed.Inventories.All(i => File.Exists(i.File)))
            ? TestProjects.Of(projectFile, refreshed)
            : null;
    }
}
