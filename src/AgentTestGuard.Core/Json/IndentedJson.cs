using System.Text;
using System.Text.Json;

namespace AgentTestGuard.Json;

/// <summary>
/// Writes the product's JSON files: indented by two spaces, with "\n" line endings on every
/// platform so that a file reads the same, and diffs cleanly, wherever it was written.
/// </summary>
internal static class IndentedJson
{
#if NET9_0_OR_GREATER
    private static readonly JsonWriterOptions Options = new() { Indented = true, NewLine = "\n" };
    private static readonly bool WritesLineFeeds = true;
#else
    // .NET 8's writer always uses the platform's line ending.
    private static readonly JsonWriterOptions Options = new() { Indented = true };
    private static readonly bool WritesLineFeeds = Environment.NewLine == "\n";
#endif

    /// <summary>Streams the document to <paramref name="stream"/>, ending it with a line feed.</summary>
    public static void Write(Stream stream, Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(write);
        if (!WritesLineFeeds)
        {
            var text = ToText(write);
            stream.Write(Encoding.UTF8.GetBytes(text));
            return;
        }

        using (var json = new Utf8JsonWriter(stream, Options))
        {
            write(json);
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>The document as text, ending with a line feed.</summary>
    public static string ToText(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>Writes the property only when it has a value: the product's files leave absent values out.</summary>
    public static void WriteOptionalString(this Utf8JsonWriter json, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>Writes the strings as an array property.</summary>
    public static void WriteStrings(this Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(values);
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    /// <inheritdoc cref="WriteOptionalString(Utf8JsonWriter, string, string?)"/>
    public static void WriteOptionalString(this Utf8JsonWriter json, JsonEncodedText name, string? value)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
