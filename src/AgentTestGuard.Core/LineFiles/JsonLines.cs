using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AgentTestGuard.Configuration;
using AgentTestGuard.Json;

namespace AgentTestGuard.LineFiles;

/// <summary>
/// What the repository's line files (the approvals ledger, the incident log) share: one JSON object
/// per line so that branches touching different entries change different lines, blank lines and
/// <c>//</c> comments for people mending them by hand, and times written one way only, so a
/// rewrite changes no line it does not mean to.
/// </summary>
internal static class JsonLines
{
    public const string UtcFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static string FormatUtc(DateTimeOffset at) => at.UtcDateTime.ToString(UtcFormat, CultureInfo.InvariantCulture);

    public static bool TryParseUtc(string text, out DateTimeOffset at) =>
        DateTimeOffset.TryParseExact(text, UtcFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);

    /// <summary>The entry's "fingerprint" value if it is a fingerprint; otherwise reports where it is wrong and gives null.</summary>
    public static string? CheckFingerprint(ConfigurationFileReader reader, JsonObjectNode entry, string? fingerprint)
    {
        if (fingerprint is null || IsFingerprint(fingerprint))
        {
            return fingerprint;
        }

        reader.Error(ConfigurationFileReader.Find(entry, "fingerprint")!.Value, "'fingerprint' must be v2: and 32 lowercase hex digits, as the inventory writes it (or the 32 digits alone, from before fingerprint version 2).");
        return null;
    }

    /// <summary>The entry's identity (<paramref name="key"/>) if it is "Name &lt;email&gt;", as the format requires; otherwise reports where it is wrong and gives null.</summary>
    public static string? CheckIdentity(ConfigurationFileReader reader, JsonObjectNode entry, string key, string? identity)
    {
        if (identity is null || Approvals.ApproverIdentity.IsNameAndEmail(identity))
        {
            return identity;
        }

        reader.Error(ConfigurationFileReader.Find(entry, key)!.Value, $"'{key}' must be \"Name <email>\", not '{Inert.Quote(identity)}': a person is named with an email address.");
        return null;
    }

    /// <summary>Reads the entry's "at" value; false when it is absent, or wrong (reported where it is).</summary>
    public static bool TryReadUtc(ConfigurationFileReader reader, JsonObjectNode entry, string? at, out DateTimeOffset when)
    {
        when = default;
        if (at is null)
        {
            return false;
        }

        if (TryParseUtc(at, out when))
        {
            return true;
        }

        reader.Error(ConfigurationFileReader.Find(entry, "at")!.Value, $"'at' must be a UTC time such as 2026-01-31T09:30:00Z, not '{Inert.Quote(at)}'.");
        return false;
    }

    public static bool IsFingerprint(string value) => AgentTestGuard.Inventory.Fingerprint.IsValid(value);

    public static bool IsBlankOrComment(ReadOnlySpan<byte> line)
    {
        var trimmed = line.Trim(" \t\r"u8);
        return trimmed.IsEmpty || trimmed.StartsWith("//"u8);
    }

    /// <summary>The file's lines (without a UTF-8 byte order mark); line n of the file is element n - 1.</summary>
    public static List<ReadOnlyMemory<byte>> SplitLines(byte[] bytes)
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

    /// <summary>
    /// The entries of a line file, in file order: each non-blank, non-comment line parsed and
    /// handed to <paramref name="read"/> with its 1-based line number. Lines that do not parse or
    /// read are left out; their findings are in the reader's diagnostics.
    /// </summary>
    public static List<T> ReadEntries<T>(ConfigurationFileReader reader, Func<JsonObjectNode, int, T?> read)
        where T : class
    {
        var entries = new List<T>();
        var lines = reader.ReadAllBytes() is { } bytes ? SplitLines(bytes) : [];
        for (var index = 0; index < lines.Count; index++)
        {
            if (IsBlankOrComment(lines[index].Span))
            {
                continue;
            }

            reader.LineOffset = index;
            if (reader.ParseRoot(lines[index], "each line") is { } node && read(node, index + 1) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    /// <summary>
    /// One object on one line. Relaxed escaping keeps names and emails readable in a diff; the
    /// writer still escapes quotes and control characters.
    /// </summary>
    public static string SerializeObject(Action<Utf8JsonWriter> writeProperties)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            writeProperties(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
