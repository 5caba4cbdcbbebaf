namespace AgentTestGuard.TestingPlatform.Record;

/// <summary>
/// Reads the commit HEAD names straight from a repository's files, as git does: starting a
/// git process in every local test run costs more than the run's whole record. Anything
/// this does not follow (a git directory set by variables, the reftable format, an unborn
/// branch) answers "unsure", and the caller asks git itself.
/// </summary>
internal static class GitHeadFile
{
    private const string RefPrefix = "ref: ";

    /// <summary>HEAD's commit id for the repository holding <paramref name="directory"/>.</summary>
    /// <param name="unsure">
    /// Set when null means "not followed" rather than "no repository": the caller then asks git.
    /// With no .git at or above the folder, git finds no repository either (short of a bare
    /// repository as the working folder, which a test run does not use).
    /// </param>
    public static string? TryRead(string directory, Func<string, string?> environment, out bool unsure)
    {
        unsure = true;

        // These move the repository away from the folder tree; git knows where.
        if (environment("GIT_DIR") is not null || environment("GIT_COMMON_DIR") is not null)
        {
            return null;
        }

        try
        {
            if (FindGitDirectory(directory, out var found) is { } gitDirectory)
            {
                return ReadHead(gitDirectory);
            }

            unsure = found;
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The nearest .git at or above <paramref name="directory"/>: a folder, or a file naming one (worktrees, submodules).</summary>
    /// <param name="found">Whether there is a .git at all, even one this cannot follow.</param>
    private static string? FindGitDirectory(string directory, out bool found)
    {
        found = true;
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var dotGit = Path.Combine(current.FullName, ".git");
            if (Directory.Exists(dotGit))
            {
                return dotGit;
            }

            if (File.Exists(dotGit))
            {
                var line = File.ReadAllText(dotGit).Trim();
                return line.StartsWith("gitdir: ", StringComparison.Ordinal)
                    ? Path.GetFullPath(line["gitdir: ".Length..].Trim(), current.FullName)
                    : null;
            }
        }

        found = false;
        return null;
    }

    private static string? ReadHead(string gitDirectory)
    {
        var head = File.ReadAllText(Path.Combine(gitDirectory, "HEAD")).Trim();
        if (!head.StartsWith(RefPrefix, StringComparison.Ordinal))
        {
            return IsObjectId(head) ? head : null;
        }

        var name = head[RefPrefix.Length..].Trim();
        if (!name.StartsWith("refs/", StringComparison.Ordinal) || name.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        // A linked worktree keeps HEAD in its own folder and shares the refs of the main one.
        var commonFile = Path.Combine(gitDirectory, "commondir");
        var common = File.Exists(commonFile)
            ? Path.GetFullPath(File.ReadAllText(commonFile).Trim(), gitDirectory)
            : gitDirectory;

        foreach (var root in new[] { gitDirectory, common }.Distinct(StringComparer.Ordinal))
        {
            var loose = Path.Combine(root, name);
            if (File.Exists(loose))
            {
                var id = File.ReadAllText(loose).Trim();
                return IsObjectId(id) ? id : null;
            }
        }

        return FromPackedRefs(Path.Combine(common, "packed-refs"), name);
    }

    /// <summary>packed-refs: "&lt;id&gt; &lt;name&gt;" lines, with comments and "^&lt;id&gt;" peeled tags in between.</summary>
    private static string? FromPackedRefs(string path, string name)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        foreach (var line in File.ReadLines(path))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && line.AsSpan(space + 1).SequenceEqual(name) && IsObjectId(line[..space]))
            {
                return line[..space];
            }
        }

        return null;
    }

    // SHA-1 (40) or SHA-256 (64) in lower-case hex, as git writes them.
    private static bool IsObjectId(string text) =>
        text.Length is 40 or 64 && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
