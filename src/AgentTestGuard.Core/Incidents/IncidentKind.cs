namespace AgentTestGuard.Incidents;

/// <summary>What went wrong; written in the log as "rejection" or "mistake".</summary>
public enum IncidentKind
{
    /// <summary>A reviewer rejected an agent test (`dotnet agt reject`): bound to the test's fingerprint.</summary>
    Rejection,

    /// <summary>Another agent mistake, recorded by hand (`dotnet agt incident`); may name no test.</summary>
    Mistake,
}
