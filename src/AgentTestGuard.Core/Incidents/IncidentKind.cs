namespace AgentTestGuard.Incidents;

/// <summary>What went wrong; written in the log as "rejection", "mistake" or "false-alarm".</summary>
internal enum IncidentKind
{
    /// <summary>A reviewer rejected an agent test (`dotnet agt reject`): bound to the test's fingerprint.</summary>
    Rejection,

    /// <summary>Another agent mistake, recorded by hand (`dotnet agt incident`); may name no test.</summary>
    Mistake,

    /// <summary>
    /// An agent test failed and passed again only after it was edited: the test was wrong, not the
    /// code. Recorded by `dotnet agt history import` from the run history (docs/metrics.md), bound
    /// to the fingerprint that failed.
    /// </summary>
    FalseAlarm,
}
