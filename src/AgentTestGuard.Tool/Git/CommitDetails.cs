namespace AgentTestGuard.Tool.Git;

/// <summary>Who authored and committed a set of commits, and whether (and by whom) they were signed.</summary>
internal static class CommitDetails
{
    /// <param name="Author">"Name &lt;email&gt;" exactly as recorded in the commit, not mapped through .mailmap.</param>
    /// <param name="Signature">git's %G? letter; null when signatures were not asked for.</param>
    /// <param name="CarriesSignature">Whether the commit object has a signature at all, whatever git could make of it.</param>
    /// <param name="Committer">"Name &lt;email&gt;" of whoever made the commit object, as recorded.</param>
    /// <param name="Signer">git's %GS: the principal (SSH) or user id (GPG) of the key that signed; empty when unknown.</param>
    public sealed record Commit(string Id, string Author, char? Signature, bool CarriesSignature, string Committer = "", string Signer = "")
    {
        public bool IsMerge { get; init; }
    }

    // Keeps each command line far below Windows' 32,767-character limit.
    private const int BatchSize = 200;

    // Fields end with NUL, which git allows in no name, address or signer: nothing an agent puts
    // in a name can shift a field. %P (parents) tells merges apart.
    private const int Fields = 6;

    /// <returns>The commits by id, or null with git's complaint.</returns>
    public static (IReadOnlyDictionary<string, Commit>? Commits, string? Problem) Read(string directory, IEnumerable<string> ids, bool signatures)
    {
        var commits = new Dictionary<string, Commit>(StringComparer.Ordinal);
        // %an/%ae and %cn/%ce ignore .mailmap; --no-use-mailmap and --no-show-signature keep a
        // user's log.mailmap and log.showSignature settings out of the output.
        var format = signatures
            ? "--format=%H%x00%G?%x00%GS%x00%P%x00%an <%ae>%x00%cn <%ce>%x00"
            : "--format=%H%x00%x00%x00%P%x00%an <%ae>%x00%cn <%ce>%x00";
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
    /// Reads records of six NUL-terminated fields: id, signature letter (empty when signatures
    /// were not asked for), signer, parents, author, committer; git puts a line break between records.
    /// </summary>
    internal static IEnumerable<Commit> Parse(string output)
    {
        var fields = output.Split('\0');
        for (var at = 0; at + Fields <= fields.Length; at += Fields)
        {
            var id = fields[at].TrimStart('\r', '\n');
            var letter = fields[at + 1];
            var signature = letter.Length == 1 ? letter[0] : (char?)null;
            var merge = fields[at + 3].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 1;
            yield return new Commit(id, fields[at + 4], signature, signature is not (null or 'N'), fields[at + 5], fields[at + 2]) { IsMerge = merge };
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
