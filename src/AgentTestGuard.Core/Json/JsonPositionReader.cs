using System.Text;
using System.Text.Json;

namespace AgentTestGuard.Json;

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

    /// <exception cref="JsonSyntaxException">
    /// The text is not well-formed JSON, is not valid UTF-8, or repeats a key in an object.
    /// </exception>
    public static JsonNode Read(ReadOnlyMemory<byte> utf8)
    {
        utf8 = WithoutPreamble(utf8);
        var source = new JsonSource(utf8);
        Utf8Validation.ThrowIfInvalid(utf8.Span, source);
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
            var error = SyntaxError(e, source);
            throw new JsonSyntaxException($"Not valid JSON: {error.Message}", error.Line, error.Column);
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
                var names = new Dictionary<string, int>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var nameOffset = (int)reader.TokenStartIndex;
                    var name = reader.GetString()!;

                    // Readers disagree on which of two equal keys counts (most take the last, silently):
                    // a second "requireSignedApprovals" or "test" must not quietly change what a file says.
                    if (!names.TryAdd(name, nameOffset))
                    {
                        var (line, column) = source.PositionOf(nameOffset);
                        var (firstLine, firstColumn) = source.PositionOf(names[name]);
                        var first = firstLine == line ? $"column {firstColumn}" : $"line {firstLine}, column {firstColumn}";
                        throw new JsonSyntaxException($"The key '{Inert.Quote(name)}' appears twice in one object (first at {first}); keep one.", line, column);
                    }

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

/// <summary>
/// Text that cannot be read as the product's JSON (malformed, not UTF-8, a key twice), with the
/// 1-based position where reading stopped and a message that says which.
/// </summary>
internal sealed class JsonSyntaxException(string message, int line, int column) : Exception(message)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
