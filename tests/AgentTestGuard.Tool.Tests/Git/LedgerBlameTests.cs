using AgentTestGuard.Tool.Git;
using AgentTestGuard.Tool.Tests.TestSupport;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Git;

public sealed class LedgerBlameTests
{
    private const string Dana = "941ea1ce5f2e0a302904748c07096cfe06504d3b";
    private const string Sam = "f19e1a5a268650d714e5658d05ad759638bd5d77";
    private const string Uncommitted = "0000000000000000000000000000000000000000";

    // Captured from git 2.39 `git blame --porcelain`: two commits of two lines each (the second
    // line of each group has no details, porcelain gives them once) and a line not committed yet.
    private const string Porcelain = """
        941ea1ce5f2e0a302904748c07096cfe06504d3b 1 1 2
        author Dana Lee
        author-mail <dana@example.com>
        author-time 1795512600
        author-tz +0000
        committer Dana Lee
        committer-mail <dana@example.com>
        committer-time 1795512600
        committer-tz +0000
        summary first approvals
        boundary
        filename l.jsonl
        	// header
        941ea1ce5f2e0a302904748c07096cfe06504d3b 2 2
        	{"a":1}
        f19e1a5a268650d714e5658d05ad759638bd5d77 3 3 2
        author Sam Roe
        author-mail <sam@example.com>
        author-time 1795600800
        author-tz +0000
        committer Sam Roe
        committer-mail <sam@example.com>
        committer-time 1795600800
        committer-tz +0000
        summary more approvals
        previous 941ea1ce5f2e0a302904748c07096cfe06504d3b l.jsonl
        filename l.jsonl
        	{"b":2}
        f19e1a5a268650d714e5658d05ad759638bd5d77 4 4
        	{"c":3}
        0000000000000000000000000000000000000000 5 5 1
        author Not Committed Yet
        author-mail <not.committed.yet>
        author-time 1795551232
        author-tz +0000
        committer Not Committed Yet
        committer-mail <not.committed.yet>
        committer-time 1795551232
        committer-tz +0000
        summary Version of l.jsonl from l.jsonl
        previous f19e1a5a268650d714e5658d05ad759638bd5d77 l.jsonl
        filename l.jsonl
        	{"d":4}

        """;

    [Fact]
    public void Porcelain_gives_each_line_its_commit_including_lines_whose_commit_details_were_given_earlier()
    {
        var origins = LedgerBlame.Parse(Porcelain);

        Assert.Equal(
            [(1, Dana, true), (2, Dana, true), (3, Sam, true), (4, Sam, true), (5, Uncommitted, false)],
            origins.OrderBy(o => o.Key).Select(o => (o.Key, o.Value.Commit, o.Value.IsCommitted)));
    }

    [Fact]
    public void Line_porcelain_with_details_repeated_on_every_line_reads_the_same()
    {
        var linePorcelain = Porcelain
            .Replace($"{Dana} 2 2\n", $"{Dana} 2 2\nauthor Dana Lee\nsummary first approvals\nfilename l.jsonl\n", StringComparison.Ordinal)
            .Replace($"{Sam} 4 4\n", $"{Sam} 4 4\nauthor Sam Roe\nsummary more approvals\nfilename l.jsonl\n", StringComparison.Ordinal);

        Assert.Equal(LedgerBlame.Parse(Porcelain), LedgerBlame.Parse(linePorcelain));
    }

    [Fact]
    public void A_summary_or_line_that_looks_like_a_header_is_not_taken_for_one()
    {
        var tricky = $"""
            {Dana} 1 1 1
            author Dana Lee
            summary {Sam} 7 7 1
            filename l.jsonl
            	{Sam} 9 9 1

            """;

        var origin = Assert.Single(LedgerBlame.Parse(tricky));

        Assert.Equal((1, Dana), (origin.Key, origin.Value.Commit));
    }

    [Fact]
    public void Read_runs_git_blame_on_the_file()
    {
        using var repository = TempGitRepository.Init();
        repository.Write("ledger.jsonl", "one\ntwo\n");
        var first = repository.CommitAll("first");
        repository.Write("ledger.jsonl", "one\ntwo\nthree\n");
        var second = repository.CommitAll("second", author: "Sam Roe <sam@example.com>");
        File.AppendAllText(repository.PathOf("ledger.jsonl"), "four\n");

        var (lines, problem) = LedgerBlame.Read(repository.PathOf("ledger.jsonl"));

        Assert.Null(problem);
        Assert.Equal(
            [(1, first), (2, first), (3, second), (4, Uncommitted)],
            lines!.OrderBy(o => o.Key).Select(o => (o.Key, o.Value.Commit)));
    }

    [Fact]
    public void A_configured_ignore_revs_file_cannot_credit_a_changed_line_to_an_earlier_commit()
    {
        using var repository = TempGitRepository.Init();
        repository.Write("ledger.jsonl", "approval fingerprint 1111\n");
        repository.CommitAll("the human's approval");
        repository.Write("ledger.jsonl", "approval fingerprint 2222\n");
        var agents = repository.CommitAll("the agent's edit", author: "Copilot <copilot@example.com>");
        repository.Write(".ignore-revs", agents + "\n");
        repository.Git("config", "blame.ignoreRevsFile", ".ignore-revs");

        var (lines, problem) = LedgerBlame.Read(repository.PathOf("ledger.jsonl"));

        Assert.Null(problem);
        Assert.Equal(agents, Assert.Single(lines!).Value.Commit);
    }

    [Fact]
    public void A_shallow_clone_is_refused_because_blame_would_credit_older_lines_to_its_oldest_commit()
    {
        using var origin = TempGitRepository.Init();
        origin.Write("ledger.jsonl", "one\n");
        origin.CommitAll("first");
        origin.Write("ledger.jsonl", "one\ntwo\n");
        origin.CommitAll("second");
        using var clone = TempGitRepository.Init();
        clone.Git("fetch", "-q", "--depth", "1", new Uri(origin.Root).AbsoluteUri, "main");
        clone.Git("checkout", "-q", "FETCH_HEAD");

        var (lines, problem) = LedgerBlame.Read(clone.PathOf("ledger.jsonl"));

        Assert.Null(lines);
        Assert.Equal("the repository is a shallow clone, so git blame cannot tell who added each line; fetch the whole history (for example fetch-depth: 0)", problem);
    }

    [Fact]
    public void A_file_git_does_not_track_gives_gits_complaint()
    {
        using var repository = TempGitRepository.Init();
        repository.Write("policy.json", "{}");
        repository.CommitAll("first");
        repository.Write("ledger.jsonl", "one\n");

        var (lines, problem) = LedgerBlame.Read(repository.PathOf("ledger.jsonl"));

        Assert.Null(lines);
        Assert.StartsWith("fatal: no such path 'ledger.jsonl' in HEAD", problem, StringComparison.Ordinal);
    }
}
