namespace AgentTestGuard.Tool.Git;

/// <summary>The commits between a base and HEAD, and the files each changed.</summary>
internal static class ChangeHistory
{
    /// <param name="Files">Paths from the repository's root, with '/'.</param>
    public sealed record ChangedCommit(string Id, IReadOnlyList<string> Files);

    /// <summary>
    /// Every commit in base..HEAD that changed a file the pathspecs match, on any branch of the
    /// change. A merge counts only for what it changed against every parent (a conflict
    /// resolution or an "evil merge"): what it brought in, the merged commits changed themselves.
    /// Renames count as a deletion and an addition: moving a props file changes what it applies to.
    /// </summary>
    /// <returns>The commits, oldest last as git lists them; or null with git's complaint.</returns>
    public static (IReadOnlyList<ChangedCommit>? Commits, string? Problem) Changed(BaseRevision trustedBase, IEnumerable<string> pathspecs)
    {
        var log = GitRunner.Run(trustedBase.TopLevel,
        [
            "-c", "core.quotePath=false", "log", "--full-history", "--no-renames", "-c", "--name-only", "--format=%x01%H",
            $"{trustedBase.Commit}..HEAD", "--", .. pathspecs,
        ]);
        if (log is not { ExitCode: 0 })
        {
            return (null, log?.Error.Trim() ?? "git is not installed");
        }

        var commits = new List<ChangedCommit>();
        foreach (var record in log.Output.Split('\u0001', StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = record.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (lines is [var id, .. var files] && files.Length > 0)
            {
                commits.Add(new ChangedCommit(id, files));
            }
        }

        return (commits, null);
    }

    /// <param name="Line">1-based, in the commit's version of the file; for a removed line, the line now where it was.</param>
    public sealed record ChangedLine(int Line, bool Added, string Text);

    /// <summary>The lines a commit added or removed in a file (a merge: against every parent).</summary>
    /// <returns>The lines without their +/- marks; or null with git's complaint.</returns>
    public static (IReadOnlyList<ChangedLine>? Lines, string? Problem) ChangedLines(BaseRevision trustedBase, string commit, string file)
    {
        var show = GitRunner.Run(trustedBase.TopLevel,
            ["show", "--no-renames", "--no-ext-diff", "--no-textconv", "--cc", "--format=", "-U0", commit, "--", file]);
        if (show is not { ExitCode: 0 })
        {
            return (null, show?.Error.Trim() ?? "git is not installed");
        }

        var lines = new List<ChangedLine>();
        var next = 1;
        var marks = 0;
        foreach (var line in show.Output.Split('\n'))
        {
            if (line.StartsWith("@@", StringComparison.Ordinal))
            {
                // "@@ -a,b +c,d @@", or "@@@ -a,b -c,d +e,f @@@" for a merge of two: c (or e) numbers
                // the lines after it, and each line starts with a mark per parent.
                marks = line.TakeWhile(c => c == '@').Count() - 1;
                next = NewRange(line) is var (start, count) ? (count == 0 ? start + 1 : start) : next;
                continue;
            }

            // "+x"/"-x" in a plain diff; "++x", "+ x", " -x"... in a merge's combined diff. Before the
            // first hunk come the headers ("+++ b/file"), which marks, still 0, skips.
            if (marks > 0 && line.Length >= marks && line[..marks].All(c => c is '+' or '-' or ' ') && line[..marks].Any(c => c is '+' or '-'))
            {
                var removed = line[..marks].Contains('-', StringComparison.Ordinal);
                lines.Add(new ChangedLine(next, !removed, line[marks..].TrimEnd('\r')));
                next += removed ? 0 : 1;
            }
        }

        return (lines, null);
    }

    /// <summary>
    /// The lines of each C# file a commit added or changed, numbered in its version of the file;
    /// where it only deleted lines, the lines on either side of the gap.
    /// </summary>
    /// <returns>Line numbers by path from the root; or null with git's complaint.</returns>
    public static (IReadOnlyDictionary<string, SortedSet<int>>? Files, string? Problem) TouchedCSharpLines(BaseRevision trustedBase, string commit)
    {
        var show = GitRunner.Run(trustedBase.TopLevel,
            ["-c", "core.quotePath=false", "show", "--no-renames", "--no-ext-diff", "--no-textconv", "--format=", "-U0", commit, "--", ":(glob)**/*.cs"]);
        if (show is not { ExitCode: 0 })
        {
            return (null, show?.Error.Trim() ?? "git is not installed");
        }

        var files = new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        SortedSet<int>? current = null;
        foreach (var line in show.Output.Split('\n'))
        {
            if (line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                // "+++ b/path", or "+++ /dev/null" for a deleted file, whose tests are gone.
                current = line.StartsWith("+++ b/", StringComparison.Ordinal) ? files[line[6..].TrimEnd('\r')] = [] : null;
            }
            else if (current is not null && line.StartsWith("@@ ", StringComparison.Ordinal) && NewRange(line) is var (start, count))
            {
                if (count == 0)
                {
                    current.Add(start);
                    current.Add(start + 1);
                }

                for (var number = start; number < start + count; number++)
                {
                    current.Add(number);
                }
            }
        }

        return (files, null);
    }

    /// <summary>"@@ -a,b +c,d @@" (a merge's "@@@ -a,b -c,d +e,f @@@"): (c, d), d being 1 when left out.</summary>
    private static (int Start, int Count)? NewRange(string hunk)
    {
        // The ranges are the words between the opening and the closing @s; what follows is context.
        var range = hunk.Split(' ').Skip(1).TakeWhile(word => !word.StartsWith('@')).LastOrDefault(word => word.StartsWith('+'));
        if (range is null)
        {
            return null;
        }

        var parts = range[1..].Split(',');
        var count = 1;
        return Number(parts[0]) is { } start && (parts.Length == 1 || Number(parts[1]) is { } given && (count = given) >= 0)
            ? (start, count)
            : null;

        static int? Number(string text) =>
            int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
