using AgentTestGuard.Approvals;
using AgentTestGuard.Configuration;
using AgentTestGuard.Diagnostics;

namespace AgentTestGuard.Decisions;

/// <summary>
/// Only a human may stop or continue an agent, by the rules an approver is held to. `dotnet agt
/// stop` and `continue` refuse anyone else, but the file is in the repository: an agent can write
/// a `continue` line itself. Such a line is refused wherever the file is read, so it never lifts a stop.
/// </summary>
internal static class HumanDecisions
{
    /// <summary>An AGT0018 error at each decision whose <c>by</c> is not a human.</summary>
    /// <param name="policy">Its agents and <c>approverDenyPatterns</c> mark identities too; null without a policy.</param>
    /// <param name="human">The decisions made by humans: the only ones that count.</param>
    public static IReadOnlyList<Diagnostic> Check(IReadOnlyList<AgentDecision> decisions, Policy? policy, string path, out IReadOnlyList<AgentDecision> human)
    {
        var found = new List<Diagnostic>();
        var kept = new List<AgentDecision>();
        human = kept;
        foreach (var decision in decisions)
        {
            var agents = (policy?.Agents ?? []).Append(decision.Agent);
            if (ApproverIdentity.WhyNotHuman(decision.By, agents, policy?.ApproverDenyPatterns) is { } why)
            {
                found.Add(Descriptors.MalformedDecisions.At(path, decision.Line, 0,
                    $"The decision to {(decision.Stop ? "stop" : "continue")} '{Inert.Quote(decision.Agent)}' by '{Inert.Quote(decision.By)}' is refused: {why}. " +
                    "Only a human may stop or continue an agent; remove the line and have a human decide (dotnet agt stop|continue)."));
            }
            else
            {
                kept.Add(decision);
            }
        }

        return found;
    }
}
