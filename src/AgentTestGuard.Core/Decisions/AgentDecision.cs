namespace AgentTestGuard.Decisions;

/// <summary>
/// A human's decision about an agent whose stop rule tripped (docs/metrics.md): stop it (the build
/// then refuses its new unapproved tests) or let it continue. The latest decision about an agent counts.
/// </summary>
/// <param name="Stop">true for stop, false for continue.</param>
/// <param name="By">Who decided, as "Name &lt;email&gt;"; a human, as for approvals.</param>
/// <param name="At">When, in UTC.</param>
/// <param name="Line">Where the entry is in the file, for diagnostics; 0 for one not read from a file.</param>
internal sealed record AgentDecision(string Agent, bool Stop, string By, DateTimeOffset At, string Reason, int Line = 0)
{
    /// <summary>The latest decision about <paramref name="agent"/> (names compared ignoring case); null when there is none.</summary>
    public static AgentDecision? Latest(IEnumerable<AgentDecision> decisions, string agent) =>
        decisions.Where(d => string.Equals(d.Agent, agent, StringComparison.OrdinalIgnoreCase)).MaxBy(d => d.At);
}
