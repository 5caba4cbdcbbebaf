using AgentTestGuard.Assertions;

namespace AgentTestGuard.Tool.Report.Model;

/// <summary>One agent test as the QA reviewer sees it.</summary>
internal sealed record ReportTest
{
    /// <summary>The id approvals name: namespace, type and method.</summary>
    public required string Id { get; init; }

    public required string Assembly { get; init; }

    /// <summary>The test project, relative to the repository's root, with '/'.</summary>
    public required string Project { get; init; }

    public required string Agent { get; init; }

    /// <summary>The evidence the tag carries (model, session, prompt), each null when absent.</summary>
    public required ReportEvidence Evidence { get; init; }

    /// <summary>Where the test's code starts, relative to the repository's root with '/'; null without a PDB.</summary>
    public required ReportSource? Source { get; init; }

    public required ReportTestState State { get; init; }

    public bool IsQuarantined => State.IsQuarantined();

    /// <summary>The criteria ids the test links to, as the inventory lists them; texts and links are in <see cref="QuarantineReport.Criteria"/>.</summary>
    public required IReadOnlyList<string> Criteria { get; init; }

    /// <summary>
    /// Since when the test is quarantined in its current version: when the history (else the oldest
    /// run record read) first saw it awaiting review. Null for an approved test, or when nothing saw it run.
    /// </summary>
    public required DateTimeOffset? QuarantinedSince { get; init; }

    /// <summary><see cref="QuarantinedSince"/> to the report's time; null with it.</summary>
    public required TimeSpan? AgeInQuarantine { get; init; }

    /// <summary>The approval in the ledger (current for an approved test, the outdated one for a stale test); null when none.</summary>
    public required ReportDecision? Approval { get; init; }

    /// <summary>The rejection of the current version, with its reason; null unless rejected.</summary>
    public required ReportDecision? Rejection { get; init; }

    /// <summary>The test's outcomes in its recent runs, oldest first (history and run records read, at most 20 runs).</summary>
    public required IReadOnlyList<ReportOutcome> RecentRuns { get; init; }

    /// <summary>Attempts in the latest run of its assembly (above 1: a retry ran it again); 0 when it did not run there.</summary>
    public required int Attempts { get; init; }

    /// <summary>Whether the history saw it both pass and fail at one fingerprint; null without history.</summary>
    public required bool? Flaky { get; init; }

    /// <summary>Defects it caught, from the history; null without history.</summary>
    public required int? DefectsCaught { get; init; }

    /// <summary>False alarms it raised, from the history; null without history.</summary>
    public required int? FalseAlarms { get; init; }

    /// <summary>Its latest failure among the run records read; null when none failed.</summary>
    public required ReportFailure? LastFailure { get; init; }

    /// <summary>It failed (failed, error or timed out) in the latest run of its assembly.</summary>
    public required bool FailedInLatestRun { get; init; }

    /// <summary>It is quarantined and enforce mode failed the latest run of its assembly (CI: an error annotation).</summary>
    public required bool BlockedEnforcedRun { get; init; }

    /// <summary>Why it cannot fail (AGT0020, from the inventory: no assertion, or a trivial one); null when it can.</summary>
    public CannotFail? CannotFail { get; init; }

    /// <summary>Its approval was given although evidence was missing (`approve --despite`); null otherwise.</summary>
    public ReportDespite? ApprovedDespite { get; init; }

    /// <summary>Its reruns in the latest run record of its assembly (early flake detection); null when it was not rerun there.</summary>
    public ReportReruns? LatestReruns { get; init; }

    /// <summary>The command that approves it, ready to paste (the id quoted for a shell where needed).</summary>
    public required string ApproveCommand { get; init; }

    /// <summary>The command that rejects it, with a placeholder reason the reviewer replaces.</summary>
    public required string RejectCommand { get; init; }
}

internal sealed record ReportEvidence(string? Model, string? Session, string? Prompt);

/// <param name="File">Relative to the repository's root, with '/' (or the full path of a file outside it).</param>
/// <param name="Line">1-based.</param>
internal sealed record ReportSource(string File, int Line);

/// <summary>A human's approval or rejection: who, when, and the note or reason.</summary>
internal sealed record ReportDecision(string By, DateTimeOffset At, string? Text);

/// <param name="Reason">The reviewer's reason (`--despite`).</param>
/// <param name="Overrode">What was missing: noPassingRun, flaky, cannotFail.</param>
internal sealed record ReportDespite(string Reason, IReadOnlyList<string> Overrode);

/// <param name="Attempts">The first result and its reruns, over a theory's cases.</param>
/// <param name="Failures">How many of them failed.</param>
/// <param name="Flaky">The record says so: its attempts include both a pass and a failure.</param>
internal sealed record ReportReruns(int Attempts, int Failures, bool Flaky);

/// <summary>A test's outcome in one run.</summary>
/// <param name="Outcome">As run records name it: passed, failed, error, timedOut, skipped, cancelled, notRun.</param>
/// <param name="Attempts">How many times the run ran it (the most over a theory's cases).</param>
internal sealed record ReportOutcome(string RunId, DateTimeOffset At, string Outcome, int Attempts)
{
    public bool IsFailure => Outcome is "failed" or "error" or "timedOut";
}

/// <summary>A failure's message as the run record kept it (may be long and span lines).</summary>
internal sealed record ReportFailure(string RunId, DateTimeOffset At, string Outcome, string Message);
