using System.Diagnostics;

namespace AgentTestGuard.Tool.Workspace;

/// <summary>Builds a project with `dotnet build`, so its inventory is written exactly as the build writes it.</summary>
internal static class DotNetBuild
{
    /// <returns>null on success, else the build's output.</returns>
    public static string? Run(string projectFile)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(projectFile)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "build", projectFile, "-nologo", "-v:q", "-tl:off", "-clp:NoSummary" })
        {
            start.ArgumentList.Add(argument);
        }

        using var build = Process.Start(start)!;
        build.StandardInput.Close();
        var error = build.StandardError.ReadToEndAsync();
        var output = build.StandardOutput.ReadToEnd();
        build.WaitForExit();
        return build.ExitCode == 0 ? null : (output + error.Result).Trim();
    }
}
