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
/// <param name="Outcome">As the record names it (passed, failed, ...): the first attempt's.</param>
/// <param name="Classification">gating, approved or quarantined, as the run decided.</param>
internal sealed record RunRecordTest(string Test, string Outcome, int Attempts, string? FailureMessage, string Classification)
{
    /// <summary>The case's display name, which tells a theory's rows apart; null when it is the id.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The record's <c>id</c> when it differs from <see cref="Test"/>: an inherited test, run as a test of the inheriting class (<c>declaredAs</c>).</summary>
    public string? RanAs { get; init; }

    /// <summary>Tells apart results of the test in one run, as the history names them: a theory's rows by display name, an inherited test's runs by the class it ran as; empty for a plain test.</summary>
    public string Case => RanAs is null ? DisplayName ?? "" : DisplayName ?? RanAs;

    /// <summary>The test's fingerprint when it ran, from the inventory; null for a test the inventory did not know.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>The attempts after the first (early flake detection), in order; empty when it was not rerun.</summary>
    public IReadOnlyList<RunRecordRerun> Reruns { get; init; } = [];

    /// <summary>Its attempts (the first result and its reruns) include both a pass and a failure.</summary>
    public bool Flaky { get; init; }

    public bool IsFailure => IsFailed(Outcome);

    /// <summary>Whether an outcome, as records name it, is a failure.</summary>
    public static bool IsFailed(string outcome) => outcome is "failed" or "error" or "timedOut";
}

/// <summary>One rerun of a test in the same run: its outcome, as records name it, and its failure message.</summary>
internal sealed record RunRecordRerun(string Outcome, double DurationMs, string? FailureMessage)
{
    public bool IsFailure => RunRecordTest.IsFailed(Outcome);
}
