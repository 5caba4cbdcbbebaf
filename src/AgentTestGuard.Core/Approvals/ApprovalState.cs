using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentTestGuard.Approvals;

/// <summary>Where an agent test stands with its reviewers.</summary>
[JsonConverter(typeof(ApprovalStateJsonConverter))]
public enum ApprovalState
{
    /// <summary>No approval: quarantined.</summary>
    Unapproved,

    /// <summary>Approved for the test's current fingerprint: gates like any other test.</summary>
    Approved,

    /// <summary>Approved, but the test changed since (its fingerprint differs): quarantined again.</summary>
    Stale,
}

/// <summary>Written as "unapproved", "approved", "stale".</summary>
internal sealed class ApprovalStateJsonConverter() : JsonStringEnumConverter<ApprovalState>(JsonNamingPolicy.CamelCase);

/// <summary>An agent test's approval state, with the approval it comes from when there is one.</summary>
public sealed record TestApproval(ApprovalState State, string? Approver = null, DateTimeOffset? At = null, string? ApprovedFingerprint = null);
