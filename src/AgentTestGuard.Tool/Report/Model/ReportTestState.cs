namespace AgentTestGuard.Tool.Report.Model;

/// <summary>
/// An agent test's review state, in the report's order. The JSON writes the lower-case name
/// (<see cref="ReportTestStates.Name"/>).
/// </summary>
internal enum ReportTestState
{
    /// <summary>Quarantined: no approval yet.</summary>
    Unapproved,

    /// <summary>Quarantined: approved, but the test changed since (the approval's fingerprint no longer matches).</summary>
    Stale,

    /// <summary>Quarantined: a reviewer rejected its current version (an incident).</summary>
    Rejected,

    /// <summary>Unapproved in a project without quarantine (VSTest): it gates like any test (AGT0016).</summary>
    Gating,

    /// <summary>Approved in its current version: it gates.</summary>
    Approved,
}

internal static class ReportTestStates
{
    public static string Name(this ReportTestState state) => state switch
    {
        ReportTestState.Unapproved => "unapproved",
        ReportTestState.Stale => "stale",
        ReportTestState.Rejected => "rejected",
        ReportTestState.Gating => "gating",
        _ => "approved",
    };

    public static bool IsQuarantined(this ReportTestState state) =>
        state is ReportTestState.Unapproved or ReportTestState.Stale or ReportTestState.Rejected;
}
