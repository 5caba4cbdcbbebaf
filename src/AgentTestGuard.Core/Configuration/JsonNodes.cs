namespace AgentTestGuard.Configuration;

/// <summary>
/// A parsed JSON value that remembers where it starts, so that a semantic error ("id is
/// missing", "pattern is not a valid regular expression") can name the line and column.
/// </summary>
internal abstract record JsonNode(int Line, int Column);

internal sealed record JsonObjectNode(int Line, int Column, IReadOnlyList<JsonPropertyNode> Properties)
    : JsonNode(Line, Column);

internal sealed record JsonPropertyNode(int Line, int Column, string Name, JsonNode Value);

internal sealed record JsonArrayNode(int Line, int Column, IReadOnlyList<JsonNode> Items)
    : JsonNode(Line, Column);

internal sealed record JsonStringNode(int Line, int Column, string Value) : JsonNode(Line, Column);

/// <summary>A number, true, false or null, kept as its JSON text.</summary>
internal sealed record JsonLiteralNode(int Line, int Column, string Text) : JsonNode(Line, Column);
