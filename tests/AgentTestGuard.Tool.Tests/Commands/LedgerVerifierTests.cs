using AgentTestGuard.Approvals;
using AgentTestGuard.Configuration;
using AgentTestGuard.Tests.Shared;
using AgentTestGuard.Tool.Commands;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Commands;

/// <summary>verify's check of one ledger, against real git history.</summary>
public sealed class LedgerVerifierTests
{
    private const string Ledger = "agenttestguard.approvals.jsonl";
    private const string NotSigned = "not signed";

    [Fact]
    public void A_human_commit_passes_when_signatures_are_not_required()
    {
        using var repository = TempGitRepository.Init();
        WritePolicy(repository, requireSigned: false);
        WriteLedger(repository, "Shop.Tests.A");
        repository.CommitAll("approve A");

        Assert.Empty(Check(repository));
    }

    [Fact]
    public void An_unsigned_human_commit_is_offending_when_the_policy_requires_signatures()
    {
        using var repository = TempGitRepository.Init();
        WritePolicy(repository, requireSigned: true);
        WriteLedger(repository, "Shop.Tests.A", "Shop.Tests.B");
        var commit = repository.CommitAll("approve A and B");

        Assert.Equal(
            [
                new LedgerVerifier.Offence(2, "Shop.Tests.A", $"added in commit {commit[..12]} by '{TempGitRepository.Human}': {NotSigned}"),
                new LedgerVerifier.Offence(3, "Shop.Tests.B", $"added in commit {commit[..12]} by '{TempGitRepository.Human}': {NotSigned}"),
            ],
            Check(repository));
    }

    [Fact]
    public void A_bot_commit_that_is_also_unsigned_gets_both_reasons()
    {
        using var repository = TempGitRepository.Init();
        WritePolicy(repository, requireSigned: true);
        WriteLedger(repository, "Shop.Tests.A");
        var commit = repository.CommitAll("self-approval", author: "ci-bot[bot] <ci-bot@example.com>");

        var offence = Assert.Single(Check(repository));

        Assert.Equal($"added in commit {commit[..12]} by 'ci-bot[bot] <ci-bot@example.com>': it is a bot account ([bot]); {NotSigned}", offence.Why);
    }

    [Fact]
    public void An_agent_hiding_behind_a_committed_mailmap_is_still_caught()
    {
        using var repository = TempGitRepository.Init();
        WritePolicy(repository, requireSigned: false);
        WriteLedger(repository, "Shop.Tests.A");
        repository.Write(".mailmap", "Dana Lee <dana@example.com> Copilot <copilot@example.com>\n");
        var commit = repository.CommitAll("self-approval", author: "Copilot <copilot@example.com>");

        var offence = Assert.Single(Check(repository));

        Assert.Equal($"added in commit {commit[..12]} by 'Copilot <copilot@example.com>': it names 'copilot', an agent or service account", offence.Why);
    }

    [Fact]
    public void An_uncommitted_approval_is_offending()
    {
        using var repository = TempGitRepository.Init();
        WritePolicy(repository, requireSigned: false);
        WriteLedger(repository, "Shop.Tests.A");
        repository.CommitAll("approve A");
        WriteLedger(repository, "Shop.Tests.A", "Shop.Tests.B");

        Assert.Equal([new LedgerVerifier.Offence(3, "Shop.Tests.B", "not committed: verify checks committed approvals")], Check(repository));
    }

    [Fact]
    public void A_commit_signed_with_a_key_the_machine_vouches_for_passes_and_one_it_cannot_check_does_not()
    {
        Assert.SkipWhen(SshSigningKey.Unavailable is not null, SshSigningKey.Unavailable ?? "");
        using var key = SshSigningKey.Create();
        using var repository = TempGitRepository.Init();
        WritePolicy(repository, requireSigned: true);
        WriteLedger(repository, "Shop.Tests.A");
        var commit = repository.CommitAll("approve A", sshSigningKey: key.PrivateKey);

        var unverifiable = Assert.Single(Check(repository));
        Assert.Equal(
            $"added in commit {commit[..12]} by '{TempGitRepository.Human}': signed, but the signature cannot be checked on this machine (the signer's public key is missing; for SSH signatures set gpg.ssh.allowedSignersFile)",
            unverifiable.Why);

        repository.Run("config", "gpg.ssh.allowedSignersFile", key.AllowedSigners);
        Assert.Empty(Check(repository));
    }

    [Fact]
    public void A_commit_signed_with_a_key_nobody_vouches_for_is_offending()
    {
        Assert.SkipWhen(SshSigningKey.Unavailable is not null, SshSigningKey.Unavailable ?? "");
        using var dana = SshSigningKey.Create();
        using var agents = SshSigningKey.Create();
        using var repository = TempGitRepository.Init();
        repository.Run("config", "gpg.ssh.allowedSignersFile", dana.AllowedSigners);
        WritePolicy(repository, requireSigned: true);
        WriteLedger(repository, "Shop.Tests.A");
        repository.CommitAll("approve A", sshSigningKey: agents.PrivateKey);

        var offence = Assert.Single(Check(repository));

        Assert.EndsWith(": signed by a key this machine does not trust (SSH: not listed in gpg.ssh.allowedSignersFile; GPG: not trusted in the keyring)", offence.Why, StringComparison.Ordinal);
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

    // A comment on line 1, then one approval per line.
    private static void WriteLedger(TempGitRepository repository, params string[] tests) =>
        repository.Write(Ledger, "// approvals\n" + string.Concat(tests.Select(test =>
            $$"""{"assembly":"Shop.Tests","test":"{{test}}","fingerprint":"{{new string('a', 32)}}","approver":"Dana Lee <dana@example.com>","at":"2026-11-24T09:30:00Z"}""" + "\n")));
}
