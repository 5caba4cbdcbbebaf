namespace AgentTestGuard.Tool.Workspace;

/// <summary>Builds a project with `dotnet build`, so its inventory is written exactly as the build writes it.</summary>
internal static class DotNetBuild
{
    /// <returns>null on success, else the build's output.</returns>
    public static string? Run(string projectFile)
    {
        var build = ChildProcess.Run(
            "dotnet", Path.GetDirectoryName(projectFile)!, ["build", projectFile, "-nologo", "-v:q", "-tl:off", "-clp:NoSummary"]);
        return build is null ? "dotnet was not found"
            : build.ExitCode == 0 ? null
            : (build.Output + build.Error).Trim();
    }
}
