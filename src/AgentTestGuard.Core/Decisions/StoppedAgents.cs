using AgentTestGuard.Approvals;
using AgentTestGuard.Diagnostics;
using AgentTestGuard.Inventory;
using AgentTestGuard.LineFiles;

namespace AgentTestGuard.Decisions;

/// <summary>
/// While an agent is stopped (its latest decision is `stop`), the build refuses every test of it
/// that awaits review: unapproved, or approved for another version of the test (stale, which counts
/// as no approval). Its approved tests gate as before, and a rejected test is already decided (it
/// stays quarantined). The build cannot tell when a test was written, so a test that was pending
/// before the stop is refused too: a stopped agent's unreviewed tests are the triage the stop halts.
/// </summary>
internal static class StoppedAgents
{
    /// <param name="tests">The assembly's agent tests, classified against the ledger (<see cref="ApprovalClassifier"/>).</param>
    /// <param name="decisions">The decisions file's human decisions (see <see cref="HumanDecisions"/>).</param>
    /// <param name="decisionsPath">The decisions file, named in each message.</param>
    /// <param name="assemblyPath">Where a test without a source location is reported.</param>
    /// <returns>An AGT0019 error per refused test, at the test's code.</returns>
    public static IReadOnlyList<Diagnostic> Refuse(IReadOnlyList<AgentTest> tests, IReadOnlyList<AgentDecision> decisions, string decisionsPath, string assemblyPath)
    {
        var found = new List<Diagnostic>();
        foreach (var test in tests)
        {
            var state = test.Approval?.State ?? ApprovalState.Unapproved;
            if (state is ApprovalState.Approved or ApprovalState.Rejected
                || AgentDecision.Latest(decisions, test.Agent) is not { Stop: true } stop)
            {
                continue;
            }

            var what = state == ApprovalState.Stale ? "changed since its approval (stale)" : "unapproved";
            found.Add(Descriptors.StoppedAgent.At(test.Source?.File ?? assemblyPath, test.Source?.Line ?? 0, 0,
                $"Agent '{Inert.Quote(test.Agent)}' is stopped, so its test '{Inert.Quote(test.Id)}', {what}, is refused: " +
                $"{Inert.Quote(stop.By)} stopped it at {JsonLines.FormatUtc(stop.At)} (\"{Inert.Quote(stop.Reason)}\", {decisionsPath}({stop.Line})). " +
                $"A human approves the test (dotnet agt approve {Inert.ShellArgument(test.Id)}) or rejects it, or it is removed; " +
                $"or a human lets the agent continue (dotnet agt continue {Inert.ShellArgument(test.Agent)} --reason \"...\")."));
        }

        return found;
    }
}
