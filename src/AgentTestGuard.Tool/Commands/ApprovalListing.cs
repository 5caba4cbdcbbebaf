using AgentTestGuard.Approvals;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Evidence;
using AgentTestGuard.Tool.Workspace;

namespace AgentTestGuard.Tool.Commands;

/// <summary>
/// What approve prints for each test it approved: the decision, then the evidence it was made on,
/// aligned under it. Everything from test code or the catalog is inert.
/// </summary>
internal static class ApprovalListing
{
    private const string Indent = "          ";

    public static void Write(IReadOnlyList<(AgentTestRow Row, TestEvidence Evidence)> tests, string? despite, Output output)
    {
        foreach (var (row, evidence) in tests)
        {
            var was = row.State == ApprovalState.Approved ? "re-approved" : row.State == ApprovalState.Stale ? "was stale" : "was quarantined";
            output.Line($"{output.Green("approved")}  {Output.Inert(row.Test.Id)}  {output.Dim($"({was}; fingerprint {row.Test.Fingerprint[..12]})")}");
            Field("runs", $"{EvidenceText.Runs(evidence)}; {EvidenceText.Flakiness(evidence)}; {EvidenceText.CanFail(evidence)}", output);
            for (var i = 0; i < evidence.Criteria.Count; i++)
            {
                Field(i == 0 ? "criteria" : "", EvidenceText.Criterion(evidence.Criteria[i]), output);
            }

            if (evidence.Missing.Count > 0 && despite is not null)
            {
                Field("despite", $"{Output.Inert(despite)} (overrode: {string.Join(", ", evidence.Missing)})", output);
            }
        }
    }

    private static void Field(string label, string text, Output output) =>
        output.Line($"{Indent}{label,-10}{text}");
}
