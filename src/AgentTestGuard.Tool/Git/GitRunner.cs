using System.Diagnostics;

namespace AgentTestGuard.Tool.Git;

/// <summary>Runs git as a child process; the tool reads identities and history through it.</summary>
internal static class GitRunner
{
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <returns>null when git is not installed.</returns>
    public static Result? Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
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

        // Plain, stable output whatever the user's configuration.
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["LC_ALL"] = "C";
        try
        {
            using var git = Process.Start(start)!;
            git.StandardInput.Close();
            var error = git.StandardError.ReadToEndAsync();
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            return new Result(git.ExitCode, output, error.Result);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
