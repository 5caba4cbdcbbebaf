namespace AgentTestGuard.Tool.Workspace;

/// <summary>
/// Restores or builds a project with the dotnet CLI, so its inventory is written exactly as the
/// build writes it.
/// </summary>
internal static class DotNetBuild
{
    /// <param name="verb">"build" or "restore".</param>
    /// <returns>null on success, else the command's output.</returns>
    public static string? Run(string verb, string projectFile)
    {
        var run = ChildProcess.Run(
            "dotnet", Path.GetDirectoryName(projectFile)!, [verb, projectFile, "-nologo", "-v:q", "-tl:off", "-clp:NoSummary"]);
        return run is null ? "dotnet was not found"
            : run.ExitCode == 0 ? null
            : (run.Output + run.Error).Trim();
    }
}
