using AgentTestGuard.Approvals;
using AgentTestGuard.Inventory;

namespace AgentTestGuard.TestingPlatform.Classification;

/// <summary>How a test's result counts for the run.</summary>
internal enum TestKind
{
    /// <summary>Not an agent test (or unknown to the inventory): its failure fails the run.</summary>
    Gating,

    /// <summary>An agent test approved for its current content: gates like any other test.</summary>
    Approved,

    /// <summary>An agent test without a valid approval: runs and is reported, never fails the run.</summary>
    Quarantined,
}

/// <summary>A test's kind, with the inventory entry when it is an agent test.</summary>
internal sealed record TestClass(TestKind Kind, AgentTest? AgentTest)
{
    public static readonly TestClass Gating = new(TestKind.Gating, null);

    public bool IsQuarantined => Kind == TestKind.Quarantined;

    /// <summary>"unapproved" or "stale" for a quarantined test, "approved" for an approved one.</summary>
    public ApprovalState? Approval => AgentTest is null ? null : AgentTest.Approval?.State ?? ApprovalState.Unapproved;
}
