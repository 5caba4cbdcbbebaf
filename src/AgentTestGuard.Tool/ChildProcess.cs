using System.Diagnostics;

namespace AgentTestGuard.Tool;

/// <summary>Runs git or dotnet with no standard input and both outputs read in full.</summary>
internal static class ChildProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <returns>null when the program is not installed.</returns>
    public static Result? Run(string program, string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
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

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        try
        {
            using var child = Process.Start(start)!;
            child.StandardInput.Close();
            var error = child.StandardError.ReadToEndAsync();
            var output = child.StandardOutput.ReadToEnd();
            child.WaitForExit();
            return new Result(child.ExitCode, output, error.Result);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
