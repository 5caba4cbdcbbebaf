namespace AgentTestGuard.Tool.Git;

/// <summary>Which commit, by which author, last wrote each line of a file (git blame).</summary>
internal static class LedgerBlame
{
    public sealed record LineOrigin(int Line, string Commit, string Author)
    {
        /// <summary>git blame's commit for lines not committed yet.</summary>
        public bool IsCommitted => Commit.Any(c => c != '0');
    }

    /// <returns>Origins by line number, or null with git's complaint.</returns>
    public static (IReadOnlyDictionary<int, LineOrigin>? Lines, string? Problem) Read(string file)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var blame = GitRunner.Run(directory, "blame", "--line-porcelain", "--", Path.GetFileName(file));
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

    /// <summary>Reads `git blame --line-porcelain`: a header per line, then the line after a tab.</summary>
    internal static IReadOnlyDictionary<int, LineOrigin> Parse(string porcelain)
    {
        var origins = new Dictionary<int, LineOrigin>();
        string? commit = null, author = null, mail = null;
        var line = 0;
        foreach (var text in porcelain.Split('\n'))
        {
            if (text.StartsWith('\t'))
            {
                if (commit is not null)
                {
                    origins[line] = new LineOrigin(line, commit, $"{author} {mail}".Trim());
                }

                commit = author = mail = null;
            }
            else if (commit is null && text.Split(' ') is [var sha, _, var final, ..] && sha.Length >= 40 && int.TryParse(final, out var number))
            {
                commit = sha;
                line = number;
            }
            else if (text.StartsWith("author ", StringComparison.Ordinal))
            {
                author = text["author ".Length..];
            }
            else if (text.StartsWith("author-mail ", StringComparison.Ordinal))
            {
                mail = text["author-mail ".Length..];
            }
        }

        return origins;
    }
}
