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

    /// <summary>The lines a commit added or removed in a file (a merge: against every parent).</summary>
    /// <returns>The lines without their +/- mark; or null with git's complaint.</returns>
    public static (IReadOnlyList<string>? Lines, string? Problem) ChangedLines(BaseRevision trustedBase, string commit, string file)
    {
        var show = GitRunner.Run(trustedBase.TopLevel,
            ["show", "--no-renames", "--no-ext-diff", "--no-textconv", "--cc", "--format=", "-U0", commit, "--", file]);
        if (show is not { ExitCode: 0 })
        {
            return (null, show?.Error.Trim() ?? "git is not installed");
        }

        var lines = new List<string>();
        foreach (var line in show.Output.Split('\n'))
        {
            // "+x"/"-x" in a plain diff; "++x", "+ x", " -x"... in a merge's combined diff.
            if (line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal) || line.StartsWith("@@", StringComparison.Ordinal))
            {
                continue;
            }

            var marks = line.TakeWhile(c => c is '+' or '-' or ' ').Count();
            if (marks > 0 && line[..marks].Any(c => c is '+' or '-'))
            {
                lines.Add(line[marks..]);
            }
        }

        return (lines, null);
    }
}
