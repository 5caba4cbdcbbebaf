namespace AgentTestGuard.Tool.Workspace;

/// <summary>
/// Runs `dotnet restore` or `dotnet build` on a project: the tool leaves both to the CLI, so a
/// restored project and a written inventory are exactly what the user's own commands make.
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
