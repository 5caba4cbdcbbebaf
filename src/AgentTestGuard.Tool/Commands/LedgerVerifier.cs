using AgentTestGuard.Approvals;
using AgentTestGuard.Configuration;
using AgentTestGuard.Tool.Commands.Verify;
using AgentTestGuard.Tool.Git;

namespace AgentTestGuard.Tool.Commands;

/// <summary>
/// The check `dotnet agt verify` makes of one ledger: every commit that introduced an approval
/// (its exact test, fingerprint and decision, wherever and however the line was later rewritten;
/// <see cref="ApprovalOrigins"/>) must be trusted by <see cref="CommitTrust"/>. The name in a line, or in a commit, is only a
/// claim; git's history and a signature are what an agent cannot fake.
/// </summary>
internal static class LedgerVerifier
{
    public sealed record Offence(int Line, string Test, string Why);

    /// <param name="policy">The trusted rules: the base's policy with --base, else the working tree's.</param>
    /// <returns>The offending approvals (none when all check out), or null with why git could not tell.</returns>
    public static (IReadOnlyList<Offence>? Offences, string? Problem) Check(string ledgerFile, IReadOnlyList<Approval> approvals, Policy? policy)
    {
        var keys = approvals.Select(KeyOf).ToList();
        var (origins, problem) = ApprovalOrigins.Find(ledgerFile, keys);
        if (origins is null)
        {
            return (null, problem);
        }

        var requireSigned = policy?.RequireSignedApprovals == true;
        var (commits, gitProblem) = CommitDetails.Read(Path.GetDirectoryName(Path.GetFullPath(ledgerFile))!, origins.Values.SelectMany(c => c), requireSigned);
        if (commits is null)
        {
            return (null, gitProblem);
        }

        var offences = new List<Offence>();
        foreach (var approval in approvals)
        {
            if (WhyOffending(origins[KeyOf(approval)], commits, policy) is { } why)
            {
                offences.Add(new Offence(approval.Line, approval.Test, why));
            }
        }

        return (offences, null);
    }

    private static ApprovalOrigins.Key KeyOf(Approval approval) =>
        new(approval.Assembly, approval.Test, approval.Fingerprint, approval.Approver, approval.At.UtcTicks, string.IsNullOrEmpty(approval.Note) ? null : approval.Note);

    private static string? WhyOffending(IReadOnlyList<string> introducers, IReadOnlyDictionary<string, CommitDetails.Commit> commits, Policy? policy)
    {
        if (introducers.Count == 0)
        {
            return "not committed: verify checks committed approvals";
        }

        // Each commit that brought this exact approval in must be trusted, on any branch.
        var reasons = new List<string>();
        foreach (var id in introducers)
        {
            if (!commits.TryGetValue(id, out var commit))
            {
                reasons.Add($"git cannot show commit {id[..12]}");
            }
            else if (CommitTrust.Problems(commit, policy) is { Count: > 0 } problems)
            {
                reasons.Add(CommitTrust.Describe("added", commit, problems));
            }
        }

        return reasons.Count == 0 ? null : string.Join("; and ", reasons);
    }
}
