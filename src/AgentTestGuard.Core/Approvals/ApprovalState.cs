namespace AgentTestGuard.Approvals;

/// <summary>Where an agent test stands with its reviewers.</summary>
public enum ApprovalState
{
    /// <summary>No approval: quarantined.</summary>
    Unapproved,

    /// <summary>Approved for the test's current fingerprint: gates like any other test.</summary>
    Approved,

    /// <summary>Approved, but the test changed since (its fingerprint differs): quarantined again.</summary>
    Stale,
}

/// <summary>The states' names in the product's files and reports: "unapproved", "approved", "stale".</summary>
public static class ApprovalStates
{
    public static string Name(ApprovalState state) => state switch
    {
        ApprovalState.Approved => "approved",
        ApprovalState.Stale => "stale",
        _ => "unapproved",
    };

    public static bool TryParse(string name, out ApprovalState state)
    {
        (var known, state) = name switch
        {
            "approved" => (true, ApprovalState.Approved),
            "stale" => (true, ApprovalState.Stale),
            "unapproved" => (true, ApprovalState.Unapproved),
            _ => (false, ApprovalState.Unapproved),
        };
        return known;
    }
}

/// <summary>An agent test's approval state, with the approval it comes from when there is one.</summary>
public sealed record TestApproval(ApprovalState State, string? Approver = null, DateTimeOffset? At = null, string? ApprovedFingerprint = null);
