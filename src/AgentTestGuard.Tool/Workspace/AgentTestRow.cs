using AgentTestGuard.Approvals;
using AgentTestGuard.Inventory;

namespace AgentTestGuard.Tool.Workspace;

/// <summary>One agent test as the tool shows it: where it lives and its review state.</summary>
internal sealed record AgentTestRow(TestProject Project, AgentTest Test, ApprovalState State, bool Rejected)
{
    /// <summary>approved, quarantined (unapproved), stale; "rejected" wins while the rejection holds.</summary>
    public string StateName => Rejected ? "rejected" : State switch
    {
        ApprovalState.Approved => "approved",
        ApprovalState.Stale => "stale",
        _ => "quarantined",
    };
}
