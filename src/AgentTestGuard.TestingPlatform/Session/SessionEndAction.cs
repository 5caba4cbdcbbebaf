using AgentTestGuard.TestingPlatform.Results;

namespace AgentTestGuard.TestingPlatform.Session;

/// <summary>
/// One thing the gate does when a session ends, as <see cref="SessionEndPlan"/> decides it and
/// <see cref="SessionEndShell"/> does it.
/// </summary>
internal abstract record SessionEndAction
{
    /// <summary>
    /// Sets TESTINGPLATFORM_EXITCODE_IGNORE to what the verdict allows: the user's codes, with "a test
    /// failed" added only when <paramref name="IgnoreFailedTests"/> (<see cref="ExitCode.ExitCodeIgnore"/>).
    /// </summary>
    public sealed record SettleExitCode(bool IgnoreFailedTests) : SessionEndAction;

    /// <summary>Tells the controller process the decision (<see cref="ExitCode.DecisionFile"/>).</summary>
    public sealed record WriteDecisionFile(string Path, string Content) : SessionEndAction;

    /// <summary>Fails the run in enforce mode, with a failed test node of the extension's own.</summary>
    public sealed record PublishEnforcementFailure(RunVerdict Verdict) : SessionEndAction;

    /// <summary>An error: no test ran, since unreviewed tests could not be told apart.</summary>
    public sealed record ShowError(string Message) : SessionEndAction;

    /// <summary>The run's summary; a warning when <paramref name="Noteworthy"/>.</summary>
    /// <param name="ToStandardError">
    /// Under dotnet test, which drops a test app's messages, the summary goes to standard error too.
    /// </param>
    public sealed record ShowSummary(string Text, bool Noteworthy, bool ToStandardError) : SessionEndAction;

    /// <summary>Writes a quarantined failure's notice (<see cref="QuarantineNotice"/>) and names it as an artifact.</summary>
    public sealed record PublishNotice(QuarantineNotice.NoticeFile Notice) : SessionEndAction;

    /// <summary>Names the run record as the session's artifact.</summary>
    public sealed record PublishRecord(string Path) : SessionEndAction;

    /// <summary>Waits for the run records started so far: a server's client may read them as soon as the session ends.</summary>
    public sealed record FinishRecords : SessionEndAction;
}
