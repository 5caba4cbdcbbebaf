using System.Collections;
using System.Text.Json;

namespace AgentTestGuard.Tool.Git;

/// <summary>
/// The commits that introduced each exact approval into a ledger: every commit in HEAD's history
/// whose version of the file has it while none of its parents' versions do. Unlike `git blame`,
/// which names the last commit to touch a line, this survives a human's later rewrite of the file
/// (re-sorting, new spacing, another encoding of the same text) and a union merge: the agent's
/// commit that first wrote the approval stays its origin.
/// </summary>
/// <remarks>
/// An approval is its values, not its bytes: the test (assembly, id, fingerprint) and the decision
/// (approver, time, note). A human who approves the same fingerprint again writes a new decision,
/// and their commit introduces it; a rewrite that keeps every value introduces nothing.
/// </remarks>
internal static class ApprovalOrigins
{
    /// <param name="At">The approval's time, as UTC ticks.</param>
    /// <param name="Note">null when there is none (an empty note is none).</param>
    public readonly record struct Key(string Assembly, string Test, string Fingerprint, string Approver, long At, string? Note);

    /// <returns>
    /// For each key, the commits that introduced it (none: no commit has it, so it is not
    /// committed); or null with why git could not tell.
    /// </returns>
    public static (IReadOnlyDictionary<Key, IReadOnlyList<string>>? Introducers, string? Problem) Find(string ledgerFile, IReadOnlyCollection<Key> keys)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(ledgerFile))!;
        var name = Path.GetFileName(ledgerFile);

        // A shallow clone hides the commits before its cut-off: the oldest fetched commit would
        // look as if it introduced every older approval.
        if (GitRunner.Run(directory, "rev-parse", "--is-shallow-repository") is not { ExitCode: 0 } shallow)
        {
            return (null, "git cannot read the repository here");
        }

        if (shallow.Output.Trim() == "true")
        {
            return (null, "the repository is a shallow clone, so git cannot tell which commit added each approval; fetch the whole history (for example fetch-depth: 0)");
        }

        var index = keys.Distinct().Select((key, i) => (key, i)).ToDictionary(p => p.key, p => p.i);
        var introducers = index.Keys.ToDictionary(k => k, _ => (IReadOnlyList<string>)new List<string>());
        if (GitRunner.Run(directory, "rev-parse", "--verify", "-q", "HEAD") is not { ExitCode: 0 })
        {
            return (introducers, null); // no commit yet
        }

        // Parents are rewritten to the nearest ancestors that touched the file, and --full-history
        // keeps side branches a merge took its version from: an agent's branch is never pruned.
        var history = GitRunner.Run(directory, "rev-list", "--full-history", "--parents", "--topo-order", "--reverse", "HEAD", "--", name);
        if (history is not { ExitCode: 0 })
        {
            return (null, history?.Error.Trim() ?? "git is not installed");
        }

        var prefix = GitRunner.Run(directory, "rev-parse", "--show-prefix")?.Output.Trim() ?? "";
        var commits = history.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' '))
            .ToList();
        var present = new Dictionary<string, BitArray>(StringComparer.Ordinal);
        var problem = GitObjectReader.Read(directory, [.. commits.Select(c => $"{c[0]}:{prefix}{name}")], (i, content) =>
        {
            var commit = commits[i];
            var has = KeysIn(content, index);
            present[commit[0]] = has;
            var introduced = new BitArray(has);
            foreach (var parent in commit.Skip(1))
            {
                if (present.TryGetValue(parent, out var inParent))
                {
                    introduced.And(new BitArray(inParent).Not());
                }
            }

            foreach (var (key, bit) in index)
            {
                if (introduced[bit])
                {
                    ((List<string>)introducers[key]).Add(commit[0]);
                }
            }
        });

        return problem is null ? (introducers, null) : (null, problem);
    }

    /// <summary>
    /// Which of the keys one version of the ledger approves. Read leniently, line by line: an old
    /// version may not load as a ledger today, and a line that repeats a key counts for each value.
    /// </summary>
    internal static BitArray KeysIn(byte[]? content, IReadOnlyDictionary<Key, int> index)
    {
        var found = new BitArray(index.Count);
        if (content is null)
        {
            return found;
        }

        var text = content.AsSpan();
        if (text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }

        while (text.Length > 0)
        {
            var end = text.IndexOf((byte)'\n');
            var line = end < 0 ? text : text[..end];
            text = end < 0 ? [] : text[(end + 1)..];
            foreach (var key in KeysOfLine(line))
            {
                if (index.TryGetValue(key, out var bit))
                {
                    found[bit] = true;
                }
            }
        }

        return found;
    }

    private static readonly string[] Fields = ["assembly", "test", "fingerprint", "approver", "at", "note"];

    private static IEnumerable<Key> KeysOfLine(ReadOnlySpan<byte> line)
    {
        // Every value each field has in the line: a repeated key counts for each of its values.
        var values = Fields.Select(_ => new List<string?>()).ToArray();
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
                {
                    continue;
                }

                var field = -1;
                for (var f = 0; f < Fields.Length && field < 0; f++)
                {
                    field = reader.ValueTextEquals(Fields[f]) ? f : -1;
                }

                reader.Read();
                if (field >= 0 && reader.TokenType == JsonTokenType.String)
                {
                    values[field].Add(reader.GetString());
                }
            }
        }
        catch (JsonException)
        {
            // A line that is not JSON approves nothing.
        }

        if (values[5].Count == 0)
        {
            values[5].Add(null);
        }

        return from assembly in values[0]
               from test in values[1]
               from fingerprint in values[2]
               from approver in values[3]
               from at in values[4]
               where TimeOf(at) is not null
               from note in values[5]
               select new Key(assembly!, test!, fingerprint!, approver!, TimeOf(at)!.Value, string.IsNullOrEmpty(note) ? null : note);
    }

    private static long? TimeOf(string? text) =>
        DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time)
            ? time.UtcTicks
            : null;
}
