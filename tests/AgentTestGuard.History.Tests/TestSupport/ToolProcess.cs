using System.Diagnostics;
using AgentTestGuard.ContinuousIntegration;

namespace AgentTestGuard.History.Tests.TestSupport;

/// <summary>The real tool (AgentTestGuard.Tool.dll, copied beside the tests) in a process of its own.</summary>
internal static class ToolProcess
{
    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AgentTestGuard.Tool.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The store comes from --store alone; what the machine's environment names must not interfere.
        start.Environment.Remove("AGENTTESTGUARD_HISTORY");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var name in CiServices.Variables)
        {
            start.Environment.Remove(name);
        }

        return Process.Start(start)!;
    }

    /// <returns>The exit code and everything printed.</returns>
    public static (int ExitCode, string Output) Run(params string[] args)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet agt {string.Join(' ', args)} did not finish in 5 minutes.");
        }

        return (process.ExitCode, output.Result + error.Result);
    }
}
