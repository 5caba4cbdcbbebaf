namespace AgentTestGuard.History.Records;

/// <summary>One run record as the history keeps it: the run's facts and its agent tests' results.</summary>
/// <param name="RunId">The record's <c>runId</c>, or for an older record one derived from its bytes.</param>
/// <param name="Revision">The code revision under test; null when the record has none.</param>
/// <param name="Results">
/// The agent tests' results only: the metrics need a fingerprint, and only agent tests have one.
/// </param>
internal sealed record RecordedRun(
    string RunId,
    string Assembly,
    string Environment,
    string? Revision,
    string Machine,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    IReadOnlyList<RecordedResult> Results);

/// <summary>One agent test's result in a run.</summary>
/// <param name="Test">The id approvals name: the record's <c>declaredAs</c> when present, else its <c>id</c>.</param>
/// <param name="Case">
/// Tells apart results of the same test in one run: a theory's cases (by display name) and an
/// inherited test's runs (by the class it ran as). Empty for a plain test.
/// </param>
/// <param name="Criteria">The linked criteria, sorted.</param>
/// <param name="Outcome">The first attempt's outcome.</param>
/// <param name="Listed">What its attempts included when the record lists them (<c>reruns</c>, <c>flaky</c>); none otherwise.</param>
internal sealed record RecordedResult(
    string Test,
    string Case,
    string Agent,
    string Fingerprint,
    IReadOnlyList<string> Criteria,
    Outcome Outcome,
    int Attempts,
    AttemptOutcomes Listed = AttemptOutcomes.None);
