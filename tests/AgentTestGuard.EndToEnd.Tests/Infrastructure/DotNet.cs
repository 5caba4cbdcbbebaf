using System.Diagnostics;
using System.Text;
using AgentTestGuard.ContinuousIntegration;

namespace AgentTestGuard.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Runs the real dotnet CLI as a child process with an environment the test controls: CI
/// variables are removed (the product switches to enforce mode on them), MSBuild variables
/// inherited from the outer `dotnet test` are removed, and no build servers outlive it.
/// </summary>
internal static class DotNet
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static async Task<ProcessResult> RunAsync(
        string workingDirectory,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Prepare(start.Environment, environment);

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        var gate = new object();
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish in {Timeout}:\n{output}");
        }

        // The parameterless wait drains the redirected output.
        process.WaitForExit();
        return new ProcessResult(process.ExitCode, output.ToString());

        void Append(string? line)
        {
            if (line is not null)
            {
                lock (gate)
                {
                    output.AppendLine(line);
                }
            }
        }
    }

    private static void Prepare(IDictionary<string, string?> env, IReadOnlyDictionary<string, string?>? overrides)
    {
        foreach (var name in env.Keys.ToList())
        {
            // No CI variable may leak into a child build.
            if (CiServices.Variables.Contains(name, StringComparer.OrdinalIgnoreCase)
                || name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("TESTINGPLATFORM_", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("AGENTTESTGUARD_", StringComparison.OrdinalIgnoreCase))
            {
                env.Remove(name);
            }
        }

        env["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        env["DOTNET_NOLOGO"] = "1";
        env["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        env["DOTNET_CLI_UI_LANGUAGE"] = "en";
        env["MSBUILDDISABLENODEREUSE"] = "1";
        env["NUGET_PACKAGES"] = PackageFixture.PackagesFolder;

        foreach (var (name, value) in overrides ?? new Dictionary<string, string?>())
        {
            env[name] = value;
        }
    }
}

internal sealed record ProcessResult(int ExitCode, string Output);
