using AgentTestGuard.Configuration;
using AgentTestGuard.Diagnostics;
using AgentTestGuard.Incidents;
using AgentTestGuard.Inventory;

namespace AgentTestGuard.Approvals;

/// <summary>
/// Matches one assembly's agent tests with the ledger's approvals: approved when the fingerprint
/// matches, stale when it does not, unapproved without an approval. A rejection in the incident log
/// for the test's current fingerprint wins over any approval line: a union merge that brings back
/// an approval a reviewer withdrew cannot make the rejected test gate. Only the assembly's own lines
/// are judged; the ledger and the log serve every test project of the repository.
/// </summary>
internal static class ApprovalClassifier
{
    private const int OrphansListedOneByOne = 10;

    public static IReadOnlyList<AgentTest> Classify(
        string assembly,
        IReadOnlyList<AgentTest> tests,
        IReadOnlyList<Approval> approvals,
        Policy? policy,
        string ledgerPath,
        out IReadOnlyList<Diagnostic> diagnostics) =>
        Classify(assembly, tests, approvals, [], policy, ledgerPath, out diagnostics);

    /// <param name="incidents">The incident log's entries; its rejections of a test's current fingerprint make it rejected.</param>
    public static IReadOnlyList<AgentTest> Classify(
        string assembly,
        IReadOnlyList<AgentTest> tests,
        IReadOnlyList<Approval> approvals,
        IReadOnlyList<Incident> incidents,
        Policy? policy,
        string ledgerPath,
        out IReadOnlyList<Diagnostic> diagnostics)
    {
        var found = new List<Diagnostic>();
        var byTest = tests.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var valid = new Dictionary<string, Approval>(StringComparer.Ordinal);
        var orphans = new List<Approval>();
        foreach (var approval in approvals.Where(a => a.Assembly == assembly))
        {
            if (!byTest.TryGetValue(approval.Test, out var test))
            {
                orphans.Add(approval);
                continue;
            }

            var agents = (policy?.Agents ?? []).Append(test.Agent);
            if (ApproverIdentity.WhyNotHuman(approval.Approver, agents, policy?.ApproverDenyPatterns) is { } why)
            {
                found.Add(Descriptors.NonHumanApprover.At(ledgerPath, approval.Line, 0,
                    $"The approval of '{test.Id}' by '{Inert.Quote(approval.Approver)}' is refused: {why}. Only a human may approve; remove the line and have a reviewer approve the test."));
                continue;
            }

            valid[approval.Test] = approval;
        }

        found.InsertRange(0, OrphanWarnings(assembly, orphans, ledgerPath));
        diagnostics = found;
        var rejections = LatestRejections(assembly, incidents);
        return [.. tests.Select(test => test with
        {
            Approval = Rejected(StateOf(test, valid.GetValueOrDefault(test.Id)), rejections.GetValueOrDefault((test.Id, test.Fingerprint))),
        })];
    }

    /// <summary>The assembly's latest rejection of each test version (id and fingerprint), as <see cref="IncidentLog.CurrentRejection"/> finds it.</summary>
    private static Dictionary<(string Test, string Fingerprint), Incident> LatestRejections(string assembly, IReadOnlyList<Incident> incidents) =>
        incidents
            .Where(i => i.Kind == IncidentKind.Rejection && i.Assembly == assembly && i.Test is not null && i.Fingerprint is not null)
            .GroupBy(i => (i.Test!, i.Fingerprint!))
            .ToDictionary(g => g.Key, g => g.MaxBy(i => i.At)!);

    /// <summary>
    /// A warning per approval of a test the assembly does not have; past <see cref="OrphansListedOneByOne"/>,
    /// one warning for all of them (a ledger of a deleted project can hold thousands).
    /// </summary>
    private static IEnumerable<Diagnostic> OrphanWarnings(string assembly, List<Approval> orphans, string ledgerPath)
    {
        if (orphans.Count <= OrphansListedOneByOne)
        {
            return orphans.Select(orphan => Descriptors.OrphanApproval.At(ledgerPath, orphan.Line, 0,
                $"'{Inert.Quote(orphan.Test)}' is approved, but '{assembly}' has no agent test with that id (renamed, deleted, or no longer tagged). Remove the line."));
        }

        var first = orphans.Take(3).Select(o => $"'{Inert.Quote(o.Test)}' (line {o.Line})");
        return
        [
            Descriptors.OrphanApproval.At(ledgerPath, orphans[0].Line, 0,
                $"{orphans.Count} approvals name tests that '{assembly}' has no agent test with (renamed, deleted, or no longer tagged), " +
                $"such as {string.Join(", ", first)}. Remove those lines."),
        ];
    }

    private static TestApproval Rejected(TestApproval approval, Incident? rejection) => rejection is null
        ? approval
        : approval with { State = ApprovalState.Rejected, Rejection = new TestRejection(rejection.By, rejection.At, rejection.Reason) };

    private static TestApproval StateOf(AgentTest test, Approval? approval) => approval switch
    {
        null => new TestApproval(ApprovalState.Unapproved),
        _ when approval.Fingerprint == test.Fingerprint => new TestApproval(ApprovalState.Approved, approval.Approver, approval.At, approval.Fingerprint),
        _ => new TestApproval(ApprovalState.Stale, approval.Approver, approval.At, approval.Fingerprint),
    };
}
