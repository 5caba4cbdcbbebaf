namespace AgentTestGuard.TestingPlatform.Record;

/// <summary>
/// What one run of one test assembly produced (&lt;assembly&gt;.&lt;time&gt;.agentrun.json in the test
/// results directory). The format is documented in docs/files.md; the history and the tool read it.
/// </summary>
/// <param name="SchemaVersion">Raised when a reader of an older version could misread the file.</param>
/// <param name="RunId">
/// Names this run among all others (32 hex digits), so that the history imports a record once however
/// often it is offered. Records written before it existed have none; the history derives one from their content.
/// </param>
internal sealed record RunRecordDocument(
    int SchemaVersion,
    string Generator,
    string RunId,
    string Assembly,
    string? Inventory,
    string Environment,
    bool EnvironmentAllowsUnreviewedTests,
    bool Enforce,
    string Machine,
    CodeRevision? CodeRevision,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string? Owner,
    RunRecordVerdict Verdict,
    IReadOnlyList<RunRecordTest> Tests)
{
    public const int CurrentSchemaVersion = 1;

    public const string FileSuffix = ".agentrun.json";

    /// <summary>Exit codes the user told the platform to turn into success (--ignore-exit-code, TESTINGPLATFORM_EXITCODE_IGNORE).</summary>
    public IReadOnlyList<int> IgnoredExitCodes { get; init; } = [];

    /// <summary>What early flake detection did (run-level "reruns"); null when it did not apply.</summary>
    public RunRecordReruns? Reruns { get; init; }
}

/// <summary>The run-level "reruns": what early flake detection was asked to do, and did.</summary>
/// <param name="Stopped">Null when every round ran; else why the reruns stopped early ("budget", "cancelled", a problem).</param>
internal sealed record RunRecordReruns(int Requested, int BudgetSeconds, int Rounds, string? Stopped);

/// <summary>One rerun of a test, as the record shows it.</summary>
/// <param name="Outcome">As the test's own outcome: passed, failed, error, ...</param>
/// <param name="FailureMessage">Only on failures.</param>
internal readonly record struct RunRecordRerun(string Outcome, double? DurationMs, string? FailureMessage);

/// <param name="Source">Where the revision came from: a CI variable's name, or "git".</param>
internal sealed record CodeRevision(string Id, string Source);

/// <param name="QuarantinedFailuresIgnored">Only quarantined tests failed, so the run did not fail for them.</param>
/// <param name="EnforceFailed">Enforce mode failed the run (unreviewed agent tests, or a policy without an owner).</param>
internal sealed record RunRecordVerdict(
    int GatingFailures,
    int QuarantinedFailures,
    bool QuarantinedFailuresIgnored,
    bool EnforceFailed,
    bool Cancelled);

/// <param name="Id">The method identity, namespace.type.method; a theory's cases share it.</param>
/// <param name="Outcome">passed, skipped, failed, error, timedOut, cancelled, or notRun.</param>
/// <param name="Classification">gating (not an agent test), approved, or quarantined.</param>
/// <param name="Approval">For agent tests: approved, unapproved or stale.</param>
/// <param name="Attempts">Results reported for the test: above 1 when it was retried.</param>
/// <param name="DeclaredAs">For an agent test that ran as a test of a class inheriting it: its id in the inventory, which approvals name.</param>
/// <remarks>A value, made as each line is written (<see cref="RunRecordBuilder"/>), not an object per test.</remarks>
internal readonly record struct RunRecordTest(
    string Id,
    string? DisplayName,
    string Outcome,
    double? DurationMs,
    string? FailureMessage,
    int Attempts,
    string Classification,
    string? Approval,
    string? Agent,
    string? DeclaredAs,
    string? Fingerprint,
    IReadOnlyList<string>? Criteria)
{
    /// <summary>Its reruns in this run (early flake detection), in order; null when it was not rerun.</summary>
    public IReadOnlyList<RunRecordRerun>? Reruns { get; init; }

    /// <summary>True when its attempts include both a pass and a failure; null (left out) otherwise.</summary>
    public bool? Flaky { get; init; }
}
