using AgentTestGuard.Approvals;
using AgentTestGuard.Inventory;

namespace AgentTestGuard.Tool.Workspace;

/// <summary>One agent test as the tool shows it: where it lives and its review state.</summary>
/// <param name="FingerprintsByFramework">
/// Set only when the project's target frameworks fingerprint the test differently: each
/// framework with its fingerprint. An approval binds one fingerprint, so such a test cannot be approved as a whole.
/// </param>
internal sealed record AgentTestRow(
    TestProject Project, AgentTest Test, ApprovalState State, bool Rejected, IReadOnlyList<FrameworkFingerprint>? FingerprintsByFramework = null)
{
    /// <summary>
    /// approved, quarantined (unapproved), stale; "rejected" wins while the rejection holds. In a
    /// project without quarantine (VSTest), an unapproved test is "gating": its failure fails the run.
    /// </summary>
    public string StateName => Rejected ? "rejected" : State switch
    {
        ApprovalState.Approved => "approved",
        ApprovalState.Stale => "stale",
        _ => Project.Quarantines ? "quarantined" : "gating",
    };
}
