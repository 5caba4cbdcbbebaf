using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AgentTestGuard.Configuration;
using AgentTestGuard.Diagnostics;
using AgentTestGuard.Files;

namespace AgentTestGuard.Approvals;

/// <summary>
/// The approvals file, agenttestguard.approvals.jsonl: one JSON object per line, sorted by assembly
/// and test, so that branches approving different tests change different lines and merge cleanly
/// (with <c>merge=union</c> in .gitattributes, even when their lines are neighbours). Lines starting
/// with <c>//</c> and blank lines are ignored. Format: docs/files.md.
/// </summary>
public static class ApprovalLedger
{
    private const string Header =
        "// AgentTestGuard approvals: one line per approved agent test, bound to its fingerprint. Reviewed like code; see docs/files.md.";

    private static readonly string[] Keys = ["assembly", "test", "fingerprint", "approver", "at", "note"];

    /// <summary>Reads a ledger; null when it has errors, which are in <paramref name="diagnostics"/>.</summary>
    public static IReadOnlyList<Approval>? Load(string path, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var reader = new ConfigurationFileReader(path, Descriptors.MalformedLedger);
        var approvals = new List<Approval>();
        var lines = reader.ReadAllBytes() is { } bytes ? SplitLines(bytes) : [];
        var seen = new Dictionary<(string, string), int>();
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index];
            if (IsBlankOrComment(line.Span))
            {
                continue;
            }

            reader.LineOffset = index;
            if (reader.ParseRoot(line.Span, "each line") is not { } entry || Read(reader, entry, index + 1) is not { } approval)
            {
                continue;
            }

            if (seen.TryGetValue((approval.Assembly, approval.Test), out var first))
            {
                reader.Error(entry, $"'{Inert.Quote(approval.Test)}' of '{Inert.Quote(approval.Assembly)}' is approved twice (first at line {first}); keep one line.");
                continue;
            }

            seen.Add((approval.Assembly, approval.Test), approval.Line);
            approvals.Add(approval);
        }

        diagnostics = reader.Diagnostics;
        return reader.HasErrors ? null : approvals;
    }

    /// <summary>Writes the ledger atomically, one line per approval, in the stable order.</summary>
    public static void Write(string path, IEnumerable<Approval> approvals) =>
        AtomicFile.WriteAllText(path, Serialize(approvals));

    public static string Serialize(IEnumerable<Approval> approvals)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var approval in approvals.OrderBy(a => a.Assembly, StringComparer.Ordinal).ThenBy(a => a.Test, StringComparer.Ordinal))
        {
            text.Append(SerializeLine(approval)).Append('\n');
        }

        return text.ToString();
    }

    private static string SerializeLine(Approval approval)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("assembly", approval.Assembly);
            json.WriteString("test", approval.Test);
            json.WriteString("fingerprint", approval.Fingerprint);
            json.WriteString("approver", approval.Approver);
            json.WriteString("at", approval.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            if (approval.Note is { Length: > 0 } note)
            {
                json.WriteString("note", note);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static Approval? Read(ConfigurationFileReader reader, JsonObjectNode entry, int line)
    {
        reader.WarnUnknownKeys(entry, Keys);
        var assembly = reader.RequiredString(entry, "assembly", "the test assembly's name");
        var test = reader.RequiredString(entry, "test", "the approved test's id");
        var fingerprint = reader.RequiredString(entry, "fingerprint", "the fingerprint of the test as approved");
        var approver = reader.RequiredString(entry, "approver", "who approved, as \"Name <email>\"");
        var at = reader.RequiredString(entry, "at", "when, in UTC, as 2026-01-31T09:30:00Z");
        var note = reader.OptionalString(entry, "note");
        if (fingerprint is not null && !IsFingerprint(fingerprint))
        {
            reader.Error(ConfigurationFileReader.Find(entry, "fingerprint")!.Value, "'fingerprint' must be 32 lowercase hex digits, as the inventory writes it.");
            fingerprint = null;
        }

        DateTimeOffset when = default;
        if (at is not null && !DateTimeOffset.TryParseExact(at, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out when))
        {
            reader.Error(ConfigurationFileReader.Find(entry, "at")!.Value, $"'at' must be a UTC time such as 2026-01-31T09:30:00Z, not '{Inert.Quote(at)}'.");
            at = null;
        }

        return assembly is null || test is null || fingerprint is null || approver is null || at is null
            ? null
            : new Approval(assembly, test, fingerprint, approver, when, note, line);
    }

    private static bool IsFingerprint(string value) =>
        value.Length == 32 && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    private static bool IsBlankOrComment(ReadOnlySpan<byte> line)
    {
        var trimmed = line.Trim(" \t\r"u8);
        return trimmed.IsEmpty || trimmed.StartsWith("//"u8);
    }

    private static List<ReadOnlyMemory<byte>> SplitLines(byte[] bytes)
    {
        var lines = new List<ReadOnlyMemory<byte>>();
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        for (var i = start; i <= bytes.Length; i++)
        {
            if (i == bytes.Length || bytes[i] == (byte)'\n')
            {
                lines.Add(bytes.AsMemory(start, i - start));
                start = i + 1;
            }
        }

        return lines;
    }
}
