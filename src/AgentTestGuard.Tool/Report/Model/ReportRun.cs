using AgentTestGuard.History.Metrics;

namespace AgentTestGuard.Tool.Report.Model;

/// <summary>A run record the report read (docs/files.md#run-record).</summary>
/// <param name="File">The record, relative to the repository's root with '/'.</param>
/// <param name="EnforceFailed">Enforce mode failed the run (the record's verdict).</param>
internal sealed record ReportRun(
    string RunId,
    string Assembly,
    string Environment,
    string File,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string? Revision,
    bool Enforce,
    bool EnforceFailed,
    int GatingFailures,
    int QuarantinedFailures);

/// <summary>What the report read from the history.</summary>
/// <param name="Store">The store, as `dotnet agt history` describes it (never a password).</param>
/// <param name="Runs">The CI runs its figures cover: the stop rule's window (default: the last 30 days), else the whole history when the window holds none.</param>
internal sealed record ReportHistory(string Store, int Runs, DateTimeOffset? FirstRun, DateTimeOffset? LastRun, Figures Overall);
