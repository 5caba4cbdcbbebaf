namespace AgentTestGuard.Tool.Git;

/// <summary>Who authored a set of commits, and whether git can verify their signatures.</summary>
internal static class CommitDetails
{
    /// <param name="Author">"Name &lt;email&gt;" exactly as recorded in the commit, not mapped through .mailmap.</param>
    /// <param name="Signature">git's %G? letter; null when signatures were not asked for.</param>
    /// <param name="CarriesSignature">Whether the commit object has a signature at all, whatever git could make of it.</param>
    public sealed record Commit(string Id, string Author, char? Signature, bool CarriesSignature);

    // Keeps each command line far below Windows' 32,767-character limit.
    private const int BatchSize = 200;

    /// <returns>The commits by id, or null with git's complaint.</returns>
    public static (IReadOnlyDictionary<string, Commit>? Commits, string? Problem) Read(string directory, IEnumerable<string> ids, bool signatures)
    {
        var commits = new Dictionary<string, Commit>(StringComparer.Ordinal);
        // %an/%ae ignore .mailmap; --no-use-mailmap and --no-show-signature keep a user's
        // log.mailmap and log.showSignature settings out of the output.
        var format = signatures ? "--format=%H%x1f%G?%x1f%an <%ae>" : "--format=%H%x1f%x1f%an <%ae>";
        foreach (var batch in ids.Distinct(StringComparer.Ordinal).Chunk(BatchSize))
        {
            var log = GitRunner.Run(directory, ["log", "--no-walk=unsorted", "--no-use-mailmap", "--no-show-signature", format, .. batch, "--"]);
            if (log is null)
            {
                return (null, "git is not installed");
            }

            if (log.ExitCode != 0)
            {
                return (null, log.Error.Trim());
            }

            foreach (var commit in Parse(log.Output))
            {
                commits[commit.Id] = commit;
            }
        }

        if (signatures)
        {
            // git says N (no signature) for an SSH signature it cannot check (no
            // gpg.ssh.allowedSignersFile); the commit object tells the two apart.
            foreach (var commit in commits.Values.Where(c => c.Signature == 'N').ToList())
            {
                if (GitRunner.Run(directory, "cat-file", "commit", commit.Id) is not { ExitCode: 0 } raw)
                {
                    return (null, $"cannot read commit {commit.Id}");
                }

                commits[commit.Id] = commit with { CarriesSignature = HasSignatureHeader(raw.Output) };
            }
        }

        return (commits, null);
    }

    /// <summary>
    /// Reads lines of "id␟letter␟author" (␟ is the unit separator; letter is empty when
    /// signatures were not asked for). The author comes last, so nothing in it can shift a field.
    /// </summary>
    internal static IEnumerable<Commit> Parse(string output)
    {
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.TrimEnd('\r').Split('\u001f', 3) is [var id, var letter, var author])
            {
                var signature = letter.Length == 1 ? letter[0] : (char?)null;
                yield return new Commit(id, author, signature, signature is not (null or 'N'));
            }
        }
    }

    /// <summary>Whether a raw commit object (`git cat-file commit`) has a gpgsig header (SHA-1 or SHA-256).</summary>
    internal static bool HasSignatureHeader(string rawCommit)
    {
        foreach (var line in rawCommit.Split('\n'))
        {
            if (line.Length == 0)
            {
                return false; // the headers end at the first empty line; the message follows
            }

            if (line.StartsWith("gpgsig ", StringComparison.Ordinal) || line.StartsWith("gpgsig-sha256 ", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
