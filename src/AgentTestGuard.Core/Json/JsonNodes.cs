namespace AgentTestGuard.Json;

/// <summary>
/// Something read from a JSON document that remembers where it starts, so that a semantic error
/// ("id is missing", "pattern is not a valid regular expression") can name the line and column.
/// Only the byte offset is kept; the line and column are worked out when a message asks.
/// </summary>
internal abstract record JsonPositioned(JsonSource Source, int Offset)
{
    /// <summary>1-based; found without counting the line's characters, which only the column needs.</summary>
    public int Line => Source.LineOf(Offset);

    /// <summary>1-based, in characters.</summary>
    public int Column => Source.PositionOf(Offset).Column;
}

/// <summary>A parsed JSON value.</summary>
internal abstract record JsonNode(JsonSource Source, int Offset) : JsonPositioned(Source, Offset);

internal sealed record JsonObjectNode(JsonSource Source, int Offset, IReadOnlyList<JsonPropertyNode> Properties)
    : JsonNode(Source, Offset);

internal sealed record JsonPropertyNode(JsonSource Source, int Offset, string Name, JsonNode Value)
    : JsonPositioned(Source, Offset);

internal sealed record JsonArrayNode(JsonSource Source, int Offset, IReadOnlyList<JsonNode> Items)
    : JsonNode(Source, Offset);

internal sealed record JsonStringNode(JsonSource Source, int Offset, string Value) : JsonNode(Source, Offset);

/// <summary>A number, true, false or null, kept as its JSON text.</summary>
internal sealed record JsonLiteralNode(JsonSource Source, int Offset, string Text) : JsonNode(Source, Offset);
