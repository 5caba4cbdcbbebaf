namespace AgentTestGuard.Approvals;

/// <summary>Where an agent test stands with its reviewers.</summary>
internal enum ApprovalState
{
    /// <summary>No approval: quarantined.</summary>
    Unapproved,

    /// <summary>Approved for the test's current fingerprint: gates like any other test.</summary>
    Approved,

    /// <summary>Approved, but the test changed since (its fingerprint differs): quarantined again.</summary>
    Stale,

    /// <summary>
    /// Rejected by a reviewer for its current fingerprint (a rejection in the incident log):
    /// quarantined whatever approval lines the ledger holds, until the test is changed or deleted.
    /// </summary>
    Rejected,
}

/// <summary>The states' names in the product's files and reports: "unapproved", "approved", "stale", "rejected".</summary>
internal static class ApprovalStates
{
    public static string Name(ApprovalState state) => state switch
    {
        ApprovalState.Approved => "approved",
        ApprovalState.Stale => "stale",
        ApprovalState.Rejected => "rejected",
        _ => "unapproved",
    };

    public static bool TryParse(string name, out ApprovalState state)
    {
        (var known, state) = name switch
        {
            "approved" => (true, ApprovalState.Approved),
            "stale" => (true, ApprovalState.Stale),
            "rejected" => (true, ApprovalState.Rejected),
            "unapproved" => (true, ApprovalState.Unapproved),
            _ => (false, ApprovalState.Unapproved),
        };
        return known;
    }
}

/// <summary>
/// An agent test's approval state, with the approval it comes from when there is one (for a rejected
/// test, the approval line the rejection overrides, if any) and, when rejected, the rejection.
/// </summary>
internal sealed record TestApproval(ApprovalState State, string? Approver = null, DateTimeOffset? At = null, string? ApprovedFingerprint = null)
{
    /// <summary>Who rejected the test's current version, when and why; null unless <see cref="State"/> is rejected.</summary>
    public TestRejection? Rejection { get; init; }
}

/// <summary>A reviewer's rejection of a test's current version, from the incident log.</summary>
/// <param name="By">Who rejected, as "Name &lt;email&gt;".</param>
/// <param name="At">When, in UTC.</param>
/// <param name="Reason">What the agent got wrong.</param>
internal sealed record TestRejection(string By, DateTimeOffset At, string Reason);
