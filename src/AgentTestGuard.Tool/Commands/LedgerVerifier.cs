using AgentTestGuard.Approvals;
using AgentTestGuard.Configuration;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Git;

namespace AgentTestGuard.Tool.Commands;

/// <summary>
/// The check `dotnet agt verify` makes of one ledger: each approval line must come from a commit
/// whose author is a human identity and, when the policy requires it, whose signature this
/// machine can verify. The name in a line, or in a commit, is only a claim; git's history and a
/// signature are what an agent cannot fake.
/// </summary>
internal static class LedgerVerifier
{
    public sealed record Offence(int Line, string Test, string Why);

    /// <returns>The offending approvals (none when all check out), or null with why git could not tell.</returns>
    public static (IReadOnlyList<Offence>? Offences, string? Problem) Check(string ledgerFile, IReadOnlyList<Approval> approvals, Policy? policy)
    {
        var (origins, problem) = LedgerBlame.Read(ledgerFile);
        if (origins is null)
        {
            return (null, problem);
        }

        var requireSigned = policy?.RequireSignedApprovals == true;
        var commitIds = approvals
            .Select(a => origins.GetValueOrDefault(a.Line))
            .Where(o => o is { IsCommitted: true })
            .Select(o => o!.Commit);
        var (commits, gitProblem) = CommitDetails.Read(Path.GetDirectoryName(Path.GetFullPath(ledgerFile))!, commitIds, requireSigned);
        if (commits is null)
        {
            return (null, gitProblem);
        }

        var offences = new List<Offence>();
        foreach (var approval in approvals)
        {
            if (WhyOffending(approval, origins, commits, policy) is { } why)
            {
                offences.Add(new Offence(approval.Line, approval.Test, why));
            }
        }

        return (offences, null);
    }

    private static string? WhyOffending(
        Approval approval,
        IReadOnlyDictionary<int, LedgerBlame.LineOrigin> origins,
        IReadOnlyDictionary<string, CommitDetails.Commit> commits,
        Policy? policy)
    {
        if (!origins.TryGetValue(approval.Line, out var origin) || !origin.IsCommitted)
        {
            return "not committed: verify checks committed approvals";
        }

        var shortId = origin.Commit[..12];
        if (!commits.TryGetValue(origin.Commit, out var commit))
        {
            return $"git cannot show commit {shortId}";
        }

        var problems = new List<string>();
        if (ApproverIdentity.WhyNotHuman(commit.Author, policy?.Agents ?? [], policy?.ApproverDenyPatterns) is { } notHuman)
        {
            problems.Add(notHuman);
        }

        if (policy?.RequireSignedApprovals == true && SignatureStatus.WhyNotSigned(commit.Signature, commit.CarriesSignature) is { } notSigned)
        {
            problems.Add(notSigned);
        }

        return problems.Count == 0 ? null : $"added in commit {shortId} by '{Output.Inert(commit.Author)}': {string.Join("; ", problems)}";
    }
}
