using AgentTestGuard.Approvals;
using AgentTestGuard.Configuration;
using AgentTestGuard.Tests.Shared;
using AgentTestGuard.Tool.Commands;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Commands;

/// <summary>
/// verify credits an approval to every commit that introduced it, whoever rewrote the line later,
/// and trusts a commit only with a human author and committer, signed by the author's own key.
/// </summary>
public sealed class ApprovalProvenanceTests
{
    private const string Ledger = "agenttestguard.approvals.jsonl";
    private const string Agent = "Copilot <198982749+Copilot@users.noreply.github.com>";
    private static readonly string Fingerprint = new('a', 32);

    [Fact]
    public void An_agents_approval_stays_the_agents_after_a_human_rewrites_the_whole_ledger()
    {
        using var repository = TempGitRepository.Init();
        WritePolicy(repository, requireSigned: false);
        repository.Write(Ledger, "// approvals\n" + Line("Shop.Tests.A", spacing: " ") + "\n");
        var agents = repository.CommitAll("self-approval with its own spacing", author: Agent);

        // The next human approval rewrites and re-sorts every line: blame would now credit the human.
        repository.Write(Ledger, "// approvals\n" + Line("Shop.Tests.A") + "\n" + Line("Shop.Tests.B") + "\n");
        repository.CommitAll("approve B");

        var offence = Assert.Single(Check(repository));
        Assert.Equal((2, "Shop.Tests.A"), (offence.Line, offence.Test));
        Assert.Equal($"added in commit {agents[..12]} by '{Agent}': it is the GitHub address of the agent app 'Copilot'", offence.Why);
    }

    [Fact]
    public void A_humans_new_decision_on_the_same_fingerprint_is_the_humans()
    {
        using var repository = TempGitRepository.Init();
        WritePolicy(repository, requireSigned: false);
        repository.Write(Ledger, "// approvals\n" + Line("Shop.Tests.A") + "\n");
        repository.CommitAll("self-approval", author: Agent);

        // The human approves the same test as it is: a new time and a note, the same fingerprint.
        repository.Write(Ledger, "// approvals\n" + Line("Shop.Tests.A").Replace("09:30:00Z\"", "11:00:00Z\",\"note\":\"checked\"", StringComparison.Ordinal) + "\n");
        repository.CommitAll("re-approve A");

        Assert.Empty(Check(repository));
    }

    [Fact]
    public void An_approval_a_union_merge_brings_in_from_an_agents_branch_is_the_agents()
    {
        using var repository = TempGitRepository.Init();
        WritePolicy(repository, requireSigned: false);
        repository.Write(".gitattributes", Ledger + " merge=union\n");
        repository.Write(Ledger, "// approvals\n");
        repository.CommitAll("start");
        repository.Run("checkout", "-q", "-b", "agent");
        repository.Write(Ledger, "// approvals\n" + Line("Shop.Tests.A") + "\n");
        var agents = repository.CommitAll("self-approval", author: Agent);
        repository.Run("checkout", "-q", "main");
        repository.Write(Ledger, "// approvals\n" + Line("Shop.Tests.B") + "\n");
        repository.CommitAll("approve B");
        repository.Run("-c", "user.name=Dana Lee", "-c", "user.email=dana@example.com", "merge", "-q", "--no-edit", "agent");

        var offence = Assert.Single(Check(repository));

        Assert.Equal("Shop.Tests.A", offence.Test);
        Assert.Equal($"added in commit {agents[..12]} by '{Agent}': it is the GitHub address of the agent app 'Copilot'", offence.Why);
    }

    [Fact]
    public void A_human_author_with_a_bot_committer_is_offending()
    {
        using var repository = TempGitRepository.Init();
        WritePolicy(repository, requireSigned: false);
        repository.Write(Ledger, "// approvals\n" + Line("Shop.Tests.A") + "\n");
        repository.Run("add", "-A");
        repository.Run("-c", "user.name=copilot-swe-agent[bot]", "-c", "user.email=198982749+Copilot@users.noreply.github.com", "commit", "-q", "-m", "approve", "--author", TempGitRepository.Human);
        var commit = repository.Run("rev-parse", "HEAD").Trim();

        var offence = Assert.Single(Check(repository));

        Assert.Equal(
            $"added in commit {commit[..12]} by '{TempGitRepository.Human}': committed by 'copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>': it is a bot account ([bot])",
            offence.Why);
    }

    [Fact]
    public void A_good_signature_by_another_principals_key_does_not_make_the_authors_approval()
    {
        Assert.SkipWhen(SshSigningKey.Unavailable is not null, SshSigningKey.Unavailable ?? "");
        using var mergeBot = SshSigningKey.Create("merge-service@example.com");
        using var repository = TempGitRepository.Init();
        repository.Run("config", "gpg.ssh.allowedSignersFile", mergeBot.AllowedSigners);
        WritePolicy(repository, requireSigned: true);
        repository.Write(Ledger, "// approvals\n" + Line("Shop.Tests.A") + "\n");
        var commit = repository.CommitAll("approve under Dana's name, signed with the merge service's key", sshSigningKey: mergeBot.PrivateKey);

        var offence = Assert.Single(Check(repository));

        Assert.Equal($"added in commit {commit[..12]} by '{TempGitRepository.Human}': signed by 'merge-service@example.com', not by the author <dana@example.com>", offence.Why);
    }

    private static List<LedgerVerifier.Offence> Check(TempGitRepository repository)
    {
        var policy = Policy.Load(repository.PathOf("agenttestguard.policy.json"), out var policyDiagnostics);
        Assert.Empty(policyDiagnostics);
        var approvals = ApprovalLedger.Load(repository.PathOf(Ledger), out var ledgerDiagnostics);
        Assert.Empty(ledgerDiagnostics);
        var (offences, problem) = LedgerVerifier.Check(repository.PathOf(Ledger), approvals!, policy);
        Assert.Null(problem);
        return [.. offences!];
    }

    private static void WritePolicy(TempGitRepository repository, bool requireSigned) =>
        repository.Write("agenttestguard.policy.json", $$"""{ "agents": ["copilot", "claude-code"], "requireSignedApprovals": {{(requireSigned ? "true" : "false")}} }""");

    private static string Line(string test, string spacing = "") =>
        $$"""{"assembly":{{spacing}}"Shop.Tests","test":{{spacing}}"{{test}}","fingerprint":{{spacing}}"{{Fingerprint}}","approver":{{spacing}}"Dana Lee <dana@example.com>","at":{{spacing}}"2026-11-24T09:30:00Z"}""";
}
