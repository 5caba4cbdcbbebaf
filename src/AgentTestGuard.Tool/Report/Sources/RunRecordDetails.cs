namespace AgentTestGuard.Tool.Report.Sources;

/// <summary>
/// What the report needs from one run record (docs/files.md#run-record) beyond what the history
/// keeps: the verdict (did enforce mode fail the run) and each agent test's failure message.
/// </summary>
/// <param name="File">The record's full path.</param>
/// <param name="Tests">The agent tests' results (entries with an agent); a theory's cases each have one.</param>
internal sealed record RunRecordDetails(
    string File,
    string RunId,
    string Assembly,
    string Environment,
    string? Revision,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    bool Enforce,
    bool EnforceFailed,
    int GatingFailures,
    int QuarantinedFailures,
    IReadOnlyList<RunRecordTest> Tests);

/// <param name="Test">The id approvals name: <c>declaredAs</c> when present, else <c>id</c>.</param>
/// <param name="Outcome">As the record names it (passed, failed, ...).</param>
/// <param name="Classification">gating, approved or quarantined, as the run decided.</param>
internal sealed record RunRecordTest(string Test, string Outcome, int Attempts, string? FailureMessage, string Classification)
{
    public bool IsFailure => Outcome is "failed" or "error" or "timedOut";
}
