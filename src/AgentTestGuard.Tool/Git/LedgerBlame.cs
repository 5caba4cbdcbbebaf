namespace AgentTestGuard.Tool.Git;

/// <summary>Which commit last wrote each line of a file (git blame).</summary>
/// <remarks>
/// Only the commit is taken from blame, never its author: blame maps authors through the
/// repository's .mailmap, which anyone who can commit can edit, so an agent could make its
/// commits show a human's name. <see cref="CommitDetails"/> reads the author as recorded.
/// </remarks>
internal static class LedgerBlame
{
    public sealed record LineOrigin(string Commit)
    {
        /// <summary>git blame's commit (all zeros) for lines not committed yet.</summary>
        public bool IsCommitted => Commit.Any(c => c != '0');
    }

    /// <returns>Origins by line number, or null with git's complaint.</returns>
    public static (IReadOnlyDictionary<int, LineOrigin>? Lines, string? Problem) Read(string file)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(file))!;

        // In a shallow clone blame credits every older line to the oldest commit fetched, whoever
        // really added it: the answer would look right and be wrong.
        if (GitRunner.Run(directory, "rev-parse", "--is-shallow-repository") is { ExitCode: 0 } shallow && shallow.Output.Trim() == "true")
        {
            return (null, "the repository is a shallow clone, so git blame cannot tell who added each line; fetch the whole history (for example fetch-depth: 0)");
        }

        // An empty --ignore-revs-file clears blame.ignoreRevsFile from any configuration, which
        // would otherwise credit the lines of the listed commits to earlier ones.
        var blame = GitRunner.Run(directory, "blame", "--porcelain", "--ignore-revs-file", "", "--", Path.GetFileName(file));
        if (blame is null)
        {
            return (null, "git is not installed");
        }

        if (blame.ExitCode != 0)
        {
            return (null, blame.Error.Trim());
        }

        return (Parse(blame.Output), null);
    }

    /// <summary>
    /// Reads `git blame --porcelain` (or --line-porcelain): each line of the file is a header
    /// "&lt;commit&gt; &lt;original line&gt; &lt;final line&gt; [&lt;lines in group&gt;]", the commit's details the
    /// first time it appears (every time with --line-porcelain), then the line itself after a tab.
    /// </summary>
    internal static IReadOnlyDictionary<int, LineOrigin> Parse(string porcelain)
    {
        var origins = new Dictionary<int, LineOrigin>();
        var expectHeader = true;
        foreach (var text in porcelain.Split('\n'))
        {
            if (text.StartsWith('\t'))
            {
                expectHeader = true;
            }
            else if (expectHeader && text.Split(' ') is [var commit, _, var final, ..] && IsCommitId(commit) && int.TryParse(final, out var line))
            {
                origins[line] = new LineOrigin(commit);
                expectHeader = false;
            }
        }

        return origins;
    }

    // 40 hex digits (SHA-1) or 64 (SHA-256 repositories).
    private static bool IsCommitId(string text) => text.Length is 40 or 64 && text.All(char.IsAsciiHexDigitLower);
}
