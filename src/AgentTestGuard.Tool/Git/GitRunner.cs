using AgentTestGuard.Processes;

namespace AgentTestGuard.Tool.Git;

/// <summary>Runs git; the tool reads identities and history through it.</summary>
internal static class GitRunner
{
    // Plain, stable output whatever the user's configuration, and never a prompt.
    public static IReadOnlyDictionary<string, string?> Environment { get; } = new Dictionary<string, string?>
    {
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["LC_ALL"] = "C",
    };

    /// <returns>null when git is not installed.</returns>
    public static ChildProcessResult? Run(string workingDirectory, params string[] arguments)
    {
        var git = ChildProcess.Run(new ChildProcessStart { Program = "git", Arguments = arguments, WorkingDirectory = workingDirectory, Variables = Environment });
        return git.End == ChildProcessEnd.NotStarted ? null : git;
    }
}
