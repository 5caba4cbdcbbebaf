using AgentTestGuard.TestingPlatform.Record;
using AgentTestGuard.Tests.Shared;
using Xunit;

namespace AgentTestGuard.TestingPlatform.Tests.Record;

/// <summary>HEAD read from the repository's files gives what git rev-parse HEAD gives, or nothing.</summary>
public sealed class GitHeadFileTests
{
    private static readonly Func<string, string?> NoVariables = _ => null;

    [Fact]
    public void Reads_a_branch_from_its_loose_ref_from_any_folder_of_the_repository()
    {
        using var repository = WithOneCommit(out var commit);
        Directory.CreateDirectory(repository.PathOf("tests/Shop.Tests"));

        Assert.Equal(commit, GitHeadFile.TryRead(repository.Root, NoVariables, out _));
        Assert.Equal(commit, GitHeadFile.TryRead(repository.PathOf("tests/Shop.Tests"), NoVariables, out _));
    }

    [Fact]
    public void Reads_a_branch_from_packed_refs()
    {
        using var repository = WithOneCommit(out var commit);
        repository.Run("tag", "-a", "v1", "-m", "v1");
        repository.Run("pack-refs", "--all", "--prune");

        Assert.False(File.Exists(repository.PathOf(".git/refs/heads/main")));
        Assert.Equal(commit, GitHeadFile.TryRead(repository.Root, NoVariables, out _));
    }

    [Fact]
    public void Reads_a_detached_head()
    {
        using var repository = WithOneCommit(out var first);
        repository.Write("a.txt", "b");
        repository.CommitAll("second");
        repository.Run("checkout", "-q", "--detach", first);

        Assert.Equal(first, GitHeadFile.TryRead(repository.Root, NoVariables, out _));
    }

    [Fact]
    public void Reads_a_linked_worktree_whose_refs_live_in_the_main_repository()
    {
        using var repository = WithOneCommit(out var main);
        repository.Run("worktree", "add", "-q", "-b", "side", "wt", main);
        repository.Run("-C", "wt", "-c", "user.name=Dana Lee", "-c", "user.email=dana@example.com", "commit", "-q", "--allow-empty", "-m", "side");
        var side = repository.Run("-C", "wt", "rev-parse", "HEAD").Trim();

        Assert.NotEqual(main, side);
        Assert.Equal(side, GitHeadFile.TryRead(repository.PathOf("wt"), NoVariables, out _));
        Assert.Equal(main, GitHeadFile.TryRead(repository.Root, NoVariables, out _));
    }

    [Fact]
    public async Task An_unborn_branch_reads_as_nothing_from_the_files_and_from_git()
    {
        using var repository = TempGitRepository.Init();

        Assert.Null(GitHeadFile.TryRead(repository.Root, NoVariables, out var unsure));
        Assert.True(unsure);
        Assert.Null(await CodeRevisionReader.FromGitAsync(repository.Root, CancellationToken.None));
    }

    [Fact]
    public void Leaves_a_repository_moved_by_GIT_DIR_to_git()
    {
        using var repository = WithOneCommit(out _);

        Assert.Null(GitHeadFile.TryRead(repository.Root, name => name == "GIT_DIR" ? "/elsewhere/.git" : null, out var unsure));
        Assert.True(unsure);
    }

    [Fact]
    public async Task A_folder_outside_any_repository_reads_as_nothing_without_asking_git()
    {
        var folder = Directory.CreateTempSubdirectory("agt-no-git-");
        try
        {
            Assert.Null(GitHeadFile.TryRead(folder.FullName, NoVariables, out var unsure));
            Assert.False(unsure);
            Assert.Null(await CodeRevisionReader.FromGitAsync(folder.FullName, CancellationToken.None));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_record_takes_HEAD_from_the_files_under_the_name_git()
    {
        using var repository = WithOneCommit(out var commit);

        // git itself now refuses the repository: only the files can give HEAD.
        File.WriteAllText(repository.PathOf(".git/config"), "not a git config\n");

        Assert.Equal(new CodeRevision(commit, "git"), await CodeRevisionReader.FromGitAsync(repository.Root, CancellationToken.None));
    }

    private static TempGitRepository WithOneCommit(out string commit)
    {
        var repository = TempGitRepository.Init();
        repository.Write("a.txt", "a");
        commit = repository.CommitAll("first");
        return repository;
    }
}
