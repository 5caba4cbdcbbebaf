namespace AgentTestGuard.Processes;

/// <summary>How a child process ended.</summary>
internal enum ChildProcessEnd
{
    /// <summary>It ran and exited by itself; its exit code is known.</summary>
    Exited,

    /// <summary>It could not be started (not installed, not executable).</summary>
    NotStarted,

    /// <summary>It ran past its time limit and was killed with every process it started.</summary>
    TimedOut,
}

/// <summary>What a child process did: how it ended, its exit code and what it printed.</summary>
/// <param name="Output">Standard output as text; empty where <see cref="ChildProcessStart.ReadOutput"/> read it.</param>
/// <param name="Problem">Why it did not exit by itself, in one sentence; null when it did.</param>
internal sealed record ChildProcessResult(ChildProcessEnd End, int ExitCode, string Output, string Error, string? Problem)
{
    /// <summary>It exited by itself with exit code 0.</summary>
    public bool Succeeded => End == ChildProcessEnd.Exited && ExitCode == 0;
}
