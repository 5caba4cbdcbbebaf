using System.Text;
using AgentTestGuard.Configuration;
using AgentTestGuard.Diagnostics;
using AgentTestGuard.FileSystem;
using AgentTestGuard.Json;
using AgentTestGuard.LineFiles;

namespace AgentTestGuard.Approvals;

/// <summary>
/// The approvals file, agenttestguard.approvals.jsonl: one JSON object per line, sorted by assembly
/// and test, so that branches approving different tests change different lines and merge cleanly
/// (with <c>merge=union</c> in .gitattributes, even when their lines are neighbours). Lines starting
/// with <c>//</c> and blank lines are ignored. Format: docs/files.md.
/// </summary>
internal static class ApprovalLedger
{
    private const string Header =
        "// AgentTestGuard approvals: one line per approved agent test, bound to its fingerprint. Reviewed like code; see docs/files.md.";

    private static readonly string[] Keys = ["assembly", "test", "fingerprint", "approver", "at", "note", "despite", "overrode"];

    /// <summary>Reads a ledger; null when it has errors, which are in <paramref name="diagnostics"/>.</summary>
    public static IReadOnlyList<Approval>? Load(string path, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var reader = new ConfigurationFileReader(path, Descriptors.MalformedLedger);
        var seen = new Dictionary<(string, string), int>();
        var approvals = JsonLines.ReadEntries(reader, (entry, line) =>
        {
            if (Read(reader, entry, line) is not { } approval)
            {
                return null;
            }

            if (seen.TryGetValue((approval.Assembly, approval.Test), out var first))
            {
                reader.Error(entry, $"'{Inert.Quote(approval.Test)}' of '{Inert.Quote(approval.Assembly)}' is approved twice (first at line {first}); keep one line.");
                return null;
            }

            seen.Add((approval.Assembly, approval.Test), approval.Line);
            return approval;
        });

        diagnostics = reader.Diagnostics;
        return reader.HasErrors ? null : approvals;
    }

    /// <summary>Writes the ledger atomically, one line per approval, in the stable order.</summary>
    public static void Write(string path, IEnumerable<Approval> approvals) =>
        AtomicFile.WriteAllText(path, Serialize(approvals));

    /// <summary>
    /// Changes the ledger under its <see cref="FileLock"/>, so that two commands approving at once
    /// both keep their lines: <paramref name="change"/> gets the current approvals (none when the
    /// file does not exist) and returns the ones to keep (the same records) and new ones. Only their
    /// lines change: an approval of a test already in the ledger replaces that line where it stands,
    /// a new one goes in at its sorted place (at the end of a ledger that is not sorted), one left
    /// out loses its line; every other byte stays, so `git blame` keeps crediting each line to the
    /// commit that wrote it. Nothing is written, and false returned, when the ledger has any finding,
    /// which is then in <paramref name="diagnostics"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException"><paramref name="change"/> returned a test twice.</exception>
    /// <exception cref="FileLockTimeoutException">Another command held the lock for the whole <paramref name="lockTimeout"/>.</exception>
    public static bool Update(
        string path,
        Func<IReadOnlyList<Approval>, IEnumerable<Approval>> change,
        out IReadOnlyList<Diagnostic> diagnostics,
        TimeSpan? lockTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        return LockedUpdate.Apply(path, Load, current => Checked(change(current)), Format, lockTimeout, out diagnostics);
    }

    public static string Serialize(IEnumerable<Approval> approvals)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var approval in approvals.Order(Format.Order))
        {
            text.Append(SerializeLine(approval)).Append('\n');
        }

        return text.ToString();
    }

    private static readonly LineFileFormat<Approval> Format = new(
        a => a.Line,
        (added, old) => added.Assembly == old.Assembly && added.Test == old.Test,
        SerializeLine,
        Comparer<Approval>.Create((x, y) =>
            string.CompareOrdinal(x.Assembly, y.Assembly) is var byAssembly and not 0 ? byAssembly : string.CompareOrdinal(x.Test, y.Test)),
        Header);

    // A ledger with a test twice would not load again; refuse to write one.
    private static List<Approval> Checked(IEnumerable<Approval> approvals)
    {
        var list = approvals.ToList();
        if (list.GroupBy(a => (a.Assembly, a.Test)).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"The change approves '{Inert.Quote(twice.Key.Test)}' of '{Inert.Quote(twice.Key.Assembly)}' twice; nothing was written.");
        }

        return list;
    }

    private static string SerializeLine(Approval approval) =>
        JsonLines.SerializeObject(json =>
        {
            json.WriteString("assembly", approval.Assembly);
            json.WriteString("test", approval.Test);
            json.WriteString("fingerprint", approval.Fingerprint);
            json.WriteString("approver", approval.Approver);
            json.WriteString("at", JsonLines.FormatUtc(approval.At));
            if (approval.Note is { Length: > 0 } note)
            {
                json.WriteString("note", note);
            }

            // Only an approval given without some evidence says so; every other line keeps its bytes.
            if (approval.Despite is { Length: > 0 } despite && approval.Overrode.Count > 0)
            {
                json.WriteString("despite", despite);
                json.WriteStartArray("overrode");
                foreach (var name in approval.Overrode)
                {
                    json.WriteStringValue(name);
                }

                json.WriteEndArray();
            }
        });

    private static Approval? Read(ConfigurationFileReader reader, JsonObjectNode entry, int line)
    {
        reader.WarnUnknownKeys(entry, Keys);
        var assembly = reader.RequiredString(entry, "assembly", "the test assembly's name");
        var test = reader.RequiredString(entry, "test", "the approved test's id");
        var fingerprint = reader.RequiredString(entry, "fingerprint", "the fingerprint of the test as approved");
        var approver = JsonLines.CheckIdentity(reader, entry, "approver", reader.RequiredString(entry, "approver", "who approved, as \"Name <email>\""));
        var at = reader.RequiredString(entry, "at", "when, in UTC, as 2026-01-31T09:30:00Z");
        var note = reader.OptionalString(entry, "note");
        var overridden = MissingEvidence.TryRead(reader, entry, out var despite, out var overrode);
        fingerprint = JsonLines.CheckFingerprint(reader, entry, fingerprint);
        if (!JsonLines.TryReadUtc(reader, entry, at, out var when))
        {
            at = null;
        }

        return assembly is null || test is null || fingerprint is null || approver is null || at is null || !overridden
            ? null
            : new Approval(assembly, test, fingerprint, approver, when, note, line) { Despite = despite, Overrode = overrode ?? [] };
    }
}
