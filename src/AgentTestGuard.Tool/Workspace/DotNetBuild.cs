using AgentTestGuard.Processes;

namespace AgentTestGuard.Tool.Workspace;

/// <summary>
/// Runs `dotnet restore` or `dotnet build` on a project: the tool leaves both to the CLI, so a
/// restored project and a written inventory are exactly what the user's own commands make.
/// A failure is told in one line: the first errors, and the log file with everything.
/// </summary>
internal static class DotNetBuild
{
    private const int ErrorsShown = 3;

    // The tool builds to list agent tests, never to gate: a stopped agent's tests that await review
    // (AGT0019) must still reach the inventory, or no reviewer could approve them.
    private static readonly string[] ToolBuildProperties = ["-p:_AgentTestGuardRefuseStoppedAgents=false"];

    /// <summary>The detailed log of the tool's last build of a project, in its obj folder.</summary>
    public static string LogFile(string projectFile) =>
        Path.Combine(Path.GetDirectoryName(projectFile)!, "obj", "agenttestguard-build.log");

    public static string? Restore(string projectFile) => Run("restore", projectFile, BuildSettings.None);

    /// <param name="verb">"build" or "restore".</param>
    /// <returns>null on success, else why it failed, in one line.</returns>
    public static string? Run(string verb, string projectFile, BuildSettings settings)
    {
        var log = LogFile(projectFile);
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        var run = ChildProcess.Run(new ChildProcessStart
        {
            Program = "dotnet",
            WorkingDirectory = Path.GetDirectoryName(projectFile)!,
            Arguments = [verb, projectFile, .. settings.Arguments(verb), .. ToolBuildProperties, "-nologo", "-v:q", "-tl:off", "-clp:NoSummary", $"-flp:logfile={log};verbosity=normal"],
        });
        return run.End == ChildProcessEnd.NotStarted ? "dotnet was not found"
            : run.ExitCode == 0 ? null
            : Summarize(run.Output + "\n" + run.Error, log);
    }

    /// <summary>The first distinct errors of a build's console output, without the project suffix MSBuild appends to each.</summary>
    internal static string Summarize(string output, string log)
    {
        var lines = output.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
        var errors = lines.Where(line => line.Contains(": error ", StringComparison.Ordinal) || line.StartsWith("error ", StringComparison.Ordinal))
            .Select(WithoutProjectSuffix)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var shown = errors.Count > 0 ? errors.Take(ErrorsShown).ToList() : lines.Take(1).ToList();
        var more = errors.Count > ErrorsShown ? $" (and {errors.Count - ErrorsShown} more)" : "";
        return (shown.Count > 0 ? string.Join(" | ", shown) : "no error was printed") + more + $"; log: {log}";
    }

    // "...: error CS1002: ; expected [/src/Shop.Tests/Shop.Tests.csproj]" loses the bracket.
    private static string WithoutProjectSuffix(string line) =>
        line.EndsWith(']') && line.LastIndexOf(" [", StringComparison.Ordinal) is var open and > 0 ? line[..open] : line;
}
