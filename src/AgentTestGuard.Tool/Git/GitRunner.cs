namespace AgentTestGuard.Tool.Git;

/// <summary>Runs git; the tool reads identities and history through it.</summary>
internal static class GitRunner
{
    // Plain, stable output whatever the user's configuration, and never a prompt.
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["LC_ALL"] = "C",
    };

    /// <returns>null when git is not installed.</returns>
    public static ChildProcess.Result? Run(string workingDirectory, params string[] arguments) =>
        ChildProcess.Run("git", workingDirectory, arguments, Environment);
}
