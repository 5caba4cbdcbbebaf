using AgentTestGuard.Approvals;
using AgentTestGuard.Configuration;
using AgentTestGuard.Tool.Git;

namespace AgentTestGuard.Tool.Commands.Verify;

/// <summary>
/// Whether a commit may change what decides the gate (an approval, the policy, the build's
/// AgentTestGuard settings): its author and its committer must both be human identities, and,
/// when the trusted policy requires signatures, it must carry a good signature by a key whose
/// principal is the author. An agent can write any name into a commit; it cannot make a key CI
/// vouches for say it is that person.
/// </summary>
internal static class CommitTrust
{
    /// <returns>Why the commit is not trusted; empty when it is.</returns>
    public static IReadOnlyList<string> Problems(CommitDetails.Commit commit, Policy? policy)
    {
        var problems = new List<string>();
        var agents = policy?.Agents ?? [];
        if (ApproverIdentity.WhyNotHuman(commit.Author, agents, policy?.ApproverDenyPatterns) is { } author)
        {
            problems.Add(author);
        }

        // git commit --author sets only the author: the committer is who really made the commit.
        if (commit.Committer.Length > 0 && commit.Committer != commit.Author
            && ApproverIdentity.WhyNotHuman(commit.Committer, agents, policy?.ApproverDenyPatterns) is { } committer)
        {
            problems.Add($"committed by '{Output(commit.Committer)}': {committer}");
        }

        if (policy?.RequireSignedApprovals == true)
        {
            if (SignatureStatus.WhyNotSigned(commit.Signature, commit.CarriesSignature) is { } notSigned)
            {
                problems.Add(notSigned);
            }
            else if (SignerPrincipal.WhyNotAuthor(commit.Signer, commit.Author) is { } otherSigner)
            {
                problems.Add(otherSigner);
            }
        }

        return problems;
    }

    /// <summary>"added in commit 0123456789ab by 'Name &lt;email&gt;': why; why".</summary>
    public static string Describe(string verb, CommitDetails.Commit commit, IReadOnlyList<string> problems) =>
        $"{verb} in commit {commit.Id[..12]} by '{Output(commit.Author)}': {string.Join("; ", problems)}";

    private static string Output(string value) => Cli.Output.Inert(value);
}
