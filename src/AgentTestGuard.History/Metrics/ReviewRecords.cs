using AgentTestGuard.Approvals;
using AgentTestGuard.Incidents;

namespace AgentTestGuard.History.Metrics;

/// <summary>What the repository records about reviews: the approvals ledger's lines and the incident log's.</summary>
internal sealed record ReviewRecords(IReadOnlyList<Approval> Approvals, IReadOnlyList<Incident> Incidents)
{
    public static ReviewRecords None { get; } = new([], []);
}
