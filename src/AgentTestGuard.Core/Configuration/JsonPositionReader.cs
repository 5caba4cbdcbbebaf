using System.Text;
using System.Text.Json;

namespace AgentTestGuard.Configuration;

/// <summary>
/// Reads a JSON document (comments and trailing commas allowed: these files are edited by
/// hand) into nodes that carry 1-based line and column numbers.
/// </summary>
internal static class JsonPositionReader
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };

    /// <exception cref="JsonSyntaxException">The text is not well-formed JSON.</exception>
    public static JsonNode Read(ReadOnlySpan<byte> utf8)
    {
        var preamble = Encoding.UTF8.Preamble;
        if (utf8.StartsWith(preamble))
        {
            utf8 = utf8[preamble.Length..];
        }

        var positions = new TextPositions(utf8);
        var reader = new Utf8JsonReader(utf8, Options);
        try
        {
            // An empty file throws here, as "does not contain any JSON tokens".
            reader.Read();
            var root = ReadValue(ref reader, positions);
            if (reader.Read())
            {
                var (line, column) = positions.Of(reader.TokenStartIndex);
                throw new JsonSyntaxException("Unexpected content after the end of the document.", line, column);
            }

            return root;
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = positions.ColumnOf(line, (int)(e.BytePositionInLine ?? 0));
            throw new JsonSyntaxException(Describe(e), line, column);
        }
    }

    private static JsonNode ReadValue(ref Utf8JsonReader reader, TextPositions positions)
    {
        var (line, column) = positions.Of(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = new List<JsonPropertyNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var (nameLine, nameColumn) = positions.Of(reader.TokenStartIndex);
                    var name = reader.GetString()!;
                    reader.Read();
                    properties.Add(new JsonPropertyNode(nameLine, nameColumn, name, ReadValue(ref reader, positions)));
                }

                return new JsonObjectNode(line, column, properties);
            case JsonTokenType.StartArray:
                var items = new List<JsonNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, positions));
                }

                return new JsonArrayNode(line, column, items);
            case JsonTokenType.String:
                return new JsonStringNode(line, column, reader.GetString()!);
            default:
                return new JsonLiteralNode(line, column, Encoding.UTF8.GetString(reader.ValueSpan));
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

    /// <summary>Turns byte offsets into 1-based line and character columns.</summary>
    private sealed class TextPositions
    {
        private readonly byte[] _text;
        private readonly List<int> _lineStarts = [0];

        public TextPositions(ReadOnlySpan<byte> utf8)
        {
            _text = utf8.ToArray();
            for (var i = 0; i < _text.Length; i++)
            {
                if (_text[i] == (byte)'\n')
                {
                    _lineStarts.Add(i + 1);
                }
            }
        }

        public (int Line, int Column) Of(long offset)
        {
            var index = _lineStarts.BinarySearch((int)offset);
            var line = index >= 0 ? index : ~index - 1;
            return (line + 1, ColumnOf(line + 1, (int)offset - _lineStarts[line]));
        }

        public int ColumnOf(int line, int bytesIntoLine)
        {
            if (line < 1 || line > _lineStarts.Count)
            {
                return 1;
            }

            var start = _lineStarts[line - 1];
            var length = Math.Clamp(bytesIntoLine, 0, _text.Length - start);
            return Encoding.UTF8.GetCharCount(_text, start, length) + 1;
        }
    }
}

/// <summary>Malformed JSON, with the 1-based position where reading stopped.</summary>
internal sealed class JsonSyntaxException(string message, int line, int column) : Exception(message)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
