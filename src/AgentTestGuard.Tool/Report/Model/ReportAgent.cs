using AgentTestGuard.History.Metrics;

namespace AgentTestGuard.Tool.Report.Model;

/// <summary>One agent: its tests by state, its metrics and its stop rule.</summary>
/// <param name="Allowed">The policy lists it; a test by an unlisted agent does not build (AGT0003), so false only for a policy edited since the build.</param>
/// <param name="Metrics">The history's figures for it (docs/metrics.md); null without history.</param>
/// <param name="StopRule">Its stop rule's state; null without history.</param>
internal sealed record ReportAgent(
    string Name,
    bool Allowed,
    int Unapproved,
    int Stale,
    int Rejected,
    int Gating,
    int Approved,
    Figures? Metrics,
    ReportStopRule? StopRule);

/// <summary>An agent's stop rule (docs/metrics.md#the-stop-rule).</summary>
/// <param name="State">ok, trips (a human must decide), stopped, or continued.</param>
/// <param name="Summary">The numbers that decide it, in words.</param>
/// <param name="TrippedAt">Since when it trips; null when it does not.</param>
/// <param name="Decision">The latest human decision about the agent (stop or continue); null when none.</param>
internal sealed record ReportStopRule(string State, int Triage, int Value, int Events, string Summary, DateTimeOffset? TrippedAt, ReportAgentDecision? Decision)
{
    public bool NeedsDecision => State == "trips";

    public bool Stopped => Decision is { Stop: true };
}

internal sealed record ReportAgentDecision(bool Stop, string By, DateTimeOffset At, string Reason);
