namespace AgentTestGuard.Tool.Git;

/// <summary>Everyone a commit names: its author, its committer and its co-authors (Co-authored-by trailers).</summary>
internal static class CommitPeople
{
    public sealed record People(string Commit, string Author, string Committer, IReadOnlyList<string> CoAuthors)
    {
        public IEnumerable<(string Role, string Identity)> All =>
            new[] { ("author", Author), ("committer", Committer) }.Concat(CoAuthors.Select(c => ("co-author", c)));
    }

    /// <summary>The commits in base..HEAD other than merges (what a merge brings in, the merged commits made).</summary>
    /// <returns>The commits, or null with git's complaint.</returns>
    public static (IReadOnlyList<People>? Commits, string? Problem) Since(BaseRevision trustedBase)
    {
        // NUL ends each field and no name can hold one; the trailers are joined by SOH.
        var log = GitRunner.Run(trustedBase.TopLevel,
        [
            "log", "--no-merges", "--no-use-mailmap",
            "--format=%H%x00%an <%ae>%x00%cn <%ce>%x00%(trailers:key=Co-authored-by,valueonly,separator=%x01)%x00",
            $"{trustedBase.Commit}..HEAD",
        ]);
        if (log is not { ExitCode: 0 })
        {
            return (null, log?.Error.Trim() ?? "git is not installed");
        }

        return (Parse(log.Output), null);
    }

    internal static IReadOnlyList<People> Parse(string output)
    {
        var fields = output.Split('\0');
        var commits = new List<People>();
        for (var at = 0; at + 4 <= fields.Length; at += 4)
        {
            var coAuthors = fields[at + 3].Split('\u0001', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            commits.Add(new People(fields[at].TrimStart('\r', '\n'), fields[at + 1], fields[at + 2], coAuthors));
        }

        return commits;
    }
}
