using AgentTestGuard.Tests.Shared;
using AgentTestGuard.Tool.Git;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Git;

public sealed class CommitDetailsTests
{
    private const string Id = "941ea1ce5f2e0a302904748c07096cfe06504d3b";
    private const string Dana = TempGitRepository.Human;

    [Fact]
    public void Parse_reads_each_field_and_a_name_cannot_shift_one()
    {
        const string Parent = " 1111111111111111111111111111111111111111";
        var output =
            $"{Id}\0G\0dana@example.com\0{Parent[1..]}\0Dana Lee <dana@example.com>\0Dana Lee <dana@example.com>\0\n"
            + $"{Id[..39]}1\0N\0\0{Parent[1..]}{Parent}\0Odd \u001f Name <odd@example.com>\0GitHub <noreply@github.com>\0\r\n"
            + $"{Id[..39]}2\0\0\0\0Sam Roe <sam@example.com>\0copilot[bot] <bot@example.com>\0\n";

        var commits = CommitDetails.Parse(output).ToList();

        Assert.Equal(
            [
                new CommitDetails.Commit(Id, Dana, 'G', true, Dana, "dana@example.com"),
                new CommitDetails.Commit(Id[..39] + "1", "Odd \u001f Name <odd@example.com>", 'N', false, "GitHub <noreply@github.com>") { IsMerge = true },
                new CommitDetails.Commit(Id[..39] + "2", "Sam Roe <sam@example.com>", null, false, "copilot[bot] <bot@example.com>"),
            ],
            commits);
    }

    [Fact]
    public void The_committer_is_read_apart_from_the_author()
    {
        using var repository = TempGitRepository.Init();
        repository.Write("ledger.jsonl", "one\n");
        repository.Run("add", "-A");
        repository.Run("-c", "user.name=copilot[bot]", "-c", "user.email=bot@example.com", "commit", "-q", "-m", "as a human", "--author", Dana);
        var commit = repository.Run("rev-parse", "HEAD").Trim();

        var (commits, problem) = CommitDetails.Read(repository.Root, [commit], signatures: false);

        Assert.Null(problem);
        Assert.Equal(new CommitDetails.Commit(commit, Dana, null, false, "copilot[bot] <bot@example.com>"), commits![commit]);
    }

    [Theory]
    [InlineData("tree 3be2\nauthor D <d@e> 1 +0000\ncommitter D <d@e> 1 +0000\ngpgsig -----BEGIN SSH SIGNATURE-----\n U1NI\n -----END SSH SIGNATURE-----\n\nmessage\n", true)]
    [InlineData("tree 3be2\nauthor D <d@e> 1 +0000\ngpgsig-sha256 -----BEGIN PGP SIGNATURE-----\n\nmessage\n", true)]
    [InlineData("tree 3be2\nauthor D <d@e> 1 +0000\ncommitter D <d@e> 1 +0000\n\ngpgsig in the message is not a signature\n", false)]
    public void A_signature_header_is_found_only_among_the_headers(string raw, bool hasSignature)
    {
        Assert.Equal(hasSignature, CommitDetails.HasSignatureHeader(raw));
    }

    [Fact]
    public void The_author_is_read_as_committed_not_as_a_committed_mailmap_renames_it()
    {
        using var repository = TempGitRepository.Init();
        repository.Write(".mailmap", "Dana Lee <dana@example.com> Copilot <copilot@example.com>\n");
        var commit = repository.CommitAll("self-approval", author: "Copilot <copilot@example.com>");
        repository.Run("config", "log.mailmap", "true");

        var (commits, problem) = CommitDetails.Read(repository.Root, [commit, commit], signatures: false);

        Assert.Null(problem);
        Assert.Equal(new CommitDetails.Commit(commit, "Copilot <copilot@example.com>", null, false, "Copilot <copilot@example.com>"), Assert.Single(commits!.Values));
    }

    [Fact]
    public void An_unsigned_commit_is_N_without_a_signature()
    {
        using var repository = TempGitRepository.Init();
        repository.Write("ledger.jsonl", "one\n");
        var commit = repository.CommitAll("unsigned");

        var (commits, problem) = CommitDetails.Read(repository.Root, [commit], signatures: true);

        Assert.Null(problem);
        Assert.Equal(new CommitDetails.Commit(commit, Dana, 'N', false, Dana), commits![commit]);
    }

    [Fact]
    public void An_SSH_signature_is_G_with_the_key_in_the_allowed_signers_U_with_another_key_and_N_but_signed_without_the_file()
    {
        Assert.SkipWhen(SshSigningKey.Unavailable is not null, SshSigningKey.Unavailable ?? "");
        using var key = SshSigningKey.Create();
        using var stranger = SshSigningKey.Create();
        using var repository = TempGitRepository.Init();
        repository.Write("ledger.jsonl", "one\n");
        var commit = repository.CommitAll("signed", sshSigningKey: key.PrivateKey);

        // No allowed signers file: git cannot check an SSH signature and says N.
        Assert.Equal(new CommitDetails.Commit(commit, Dana, 'N', true, Dana), Read(repository, commit));

        repository.Run("config", "gpg.ssh.allowedSignersFile", key.AllowedSigners);
        Assert.Equal(new CommitDetails.Commit(commit, Dana, 'G', true, Dana, "dana@example.com"), Read(repository, commit));

        repository.Run("config", "gpg.ssh.allowedSignersFile", stranger.AllowedSigners);
        Assert.Equal(new CommitDetails.Commit(commit, Dana, 'U', true, Dana), Read(repository, commit));
    }

    [Fact]
    public void Many_commits_are_read_in_batches()
    {
        using var repository = TempGitRepository.Init();
        var ids = new List<string>();
        for (var i = 0; i < 205; i++)
        {
            repository.Write("ledger.jsonl", $"{i}\n");
            ids.Add(repository.CommitAll($"commit {i}"));
        }

        var (commits, problem) = CommitDetails.Read(repository.Root, ids, signatures: false);

        Assert.Null(problem);
        Assert.Equal(ids.Order(StringComparer.Ordinal), commits!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_commit_git_does_not_know_gives_gits_complaint()
    {
        using var repository = TempGitRepository.Init();
        repository.Write("ledger.jsonl", "one\n");
        repository.CommitAll("first");

        var (commits, problem) = CommitDetails.Read(repository.Root, [new string('1', 40)], signatures: false);

        Assert.Null(commits);
        Assert.StartsWith("fatal: bad object 1111111111111111111111111111111111111111", problem, StringComparison.Ordinal);
    }

    private static CommitDetails.Commit Read(TempGitRepository repository, string commit)
    {
        var (commits, problem) = CommitDetails.Read(repository.Root, [commit], signatures: true);
        Assert.Null(problem);
        return commits![commit];
    }
}
