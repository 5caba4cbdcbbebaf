namespace AgentTestGuard.Incidents;

/// <summary>
/// One entry of the incident log: what an agent got wrong, so that a team can see, per agent,
/// how often its work is refused, and so that a rejected test is not approved by mistake later.
/// </summary>
/// <param name="Assembly">The test assembly's name; always set for a rejection.</param>
/// <param name="Test">The test's id, as in the inventory; always set for a rejection.</param>
/// <param name="Fingerprint">The test's fingerprint when it was rejected; always set for a rejection, so that the rejection lapses once the test is changed.</param>
/// <param name="Agent">The agent the incident is about.</param>
/// <param name="By">Who recorded it, as "Name &lt;email&gt;".</param>
/// <param name="At">When, in UTC.</param>
/// <param name="Reason">Why: what the reviewer saw.</param>
/// <param name="Line">Where the entry is in the log, for diagnostics; 0 for an entry not read from a file.</param>
internal sealed record Incident(
    IncidentKind Kind,
    string? Assembly,
    string? Test,
    string? Fingerprint,
    string Agent,
    string By,
    DateTimeOffset At,
    string Reason,
    int Line = 0);
