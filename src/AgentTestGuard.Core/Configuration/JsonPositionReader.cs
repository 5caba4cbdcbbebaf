using System.Text;
using System.Text.Json;

namespace AgentTestGuard.Configuration;

/// <summary>
/// Reads a JSON document (comments and trailing commas allowed: these files are edited by
/// hand) into nodes that know where they start (<see cref="JsonPositioned"/>).
/// </summary>
internal static class JsonPositionReader
{
    /// <summary>How the product reads its JSON files: comments and trailing commas allowed.</summary>
    public static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };

    /// <exception cref="JsonSyntaxException">The text is not well-formed JSON.</exception>
    public static JsonNode Read(ReadOnlyMemory<byte> utf8)
    {
        utf8 = WithoutPreamble(utf8);
        var source = new JsonSource(utf8);
        var reader = new Utf8JsonReader(utf8.Span, Options);
        try
        {
            // An empty file throws here, as "does not contain any JSON tokens".
            reader.Read();
            var root = ReadValue(ref reader, source);

            // Throws where anything but whitespace or comments follows the document.
            reader.Read();
            return root;
        }
        catch (JsonException e)
        {
            throw SyntaxError(e, source);
        }
    }

    /// <summary>The text after a UTF-8 byte order mark, if it starts with one.</summary>
    public static ReadOnlyMemory<byte> WithoutPreamble(ReadOnlyMemory<byte> utf8)
    {
        var preamble = Encoding.UTF8.Preamble;
        return utf8.Span.StartsWith(preamble) ? utf8[preamble.Length..] : utf8;
    }

    /// <summary>The reader's error, placed at a 1-based line and column of <paramref name="source"/>.</summary>
    public static JsonSyntaxException SyntaxError(JsonException e, JsonSource source)
    {
        var line = (int)(e.LineNumber ?? 0) + 1;
        var column = source.ColumnOf(line, (int)(e.BytePositionInLine ?? 0));
        return new JsonSyntaxException(Describe(e), line, column);
    }

    private static JsonNode ReadValue(ref Utf8JsonReader reader, JsonSource source)
    {
        var offset = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = new List<JsonPropertyNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var nameOffset = (int)reader.TokenStartIndex;
                    var name = reader.GetString()!;
                    reader.Read();
                    properties.Add(new JsonPropertyNode(source, nameOffset, name, ReadValue(ref reader, source)));
                }

                return new JsonObjectNode(source, offset, properties);
            case JsonTokenType.StartArray:
                var items = new List<JsonNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, source));
                }

                return new JsonArrayNode(source, offset, items);
            case JsonTokenType.String:
                return new JsonStringNode(source, offset, reader.GetString()!);
            default:
                return new JsonLiteralNode(source, offset, Encoding.UTF8.GetString(reader.ValueSpan));
        }
    }

    // System.Text.Json appends its own zero-based position ("LineNumber: 2 | BytePositionInLine: 4.");
    // the caller reports a 1-based one, so keep only the description.
    private static string Describe(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).Trim();
    }
}

/// <summary>Malformed JSON, with the 1-based position where reading stopped.</summary>
internal sealed class JsonSyntaxException(string message, int line, int column) : Exception(message)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
