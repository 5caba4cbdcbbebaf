using AgentTestGuard.Diagnostics;
using AgentTestGuard.Json;

namespace AgentTestGuard.Configuration;

/// <summary>
/// Turns the nodes of one policy or catalog file into values, collecting every problem with
/// its position instead of stopping at the first, so one build shows them all.
/// </summary>
internal sealed class ConfigurationFileReader(string path, DiagnosticDescriptor malformed)
{
    private readonly List<Diagnostic> _diagnostics = [];

    public string Path { get; } = path;

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public bool HasErrors => _diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>
    /// Lines before the text being parsed, for files read a line at a time (the approvals ledger):
    /// positions are reported in the file, not in the line.
    /// </summary>
    public int LineOffset { get; set; }

    /// <summary>Reads and parses the file; null (with a diagnostic) when it cannot be.</summary>
    public JsonObjectNode? ReadRoot() => ReadAllBytes() is { } bytes ? ParseRoot(bytes, "the document") : null;

    /// <summary>The file's bytes; null (with a diagnostic) when it cannot be read.</summary>
    public byte[]? ReadAllBytes()
    {
        try
        {
            return File.ReadAllBytes(Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _diagnostics.Add(malformed.At(Path, $"Cannot read '{Path}': {e.Message}"));
            return null;
        }
    }

    /// <summary>Parses JSON text that must hold one object; null (with a diagnostic) when it does not.</summary>
    public JsonObjectNode? ParseRoot(ReadOnlyMemory<byte> utf8, string what)
    {
        try
        {
            return AsObject(JsonPositionReader.Read(utf8), what);
        }
        catch (JsonSyntaxException e)
        {
            Error(e.Line, e.Column, e.Message);
            return null;
        }
    }

    public void Error(JsonNode node, string message) => Error(node.Line, node.Column, message);

    public void Error(int line, int column, string message) =>
        _diagnostics.Add(malformed.At(Path, LineOffset + line, column, message));

    /// <summary>A finding of another kind (a warning, say) at a node of this file.</summary>
    public void Report(DiagnosticDescriptor descriptor, JsonNode node, string message) =>
        _diagnostics.Add(descriptor.At(Path, LineOffset + node.Line, node.Column, message));

    /// <summary>Warns about keys this version does not know: usually a typo that would silently do nothing.</summary>
    public void WarnUnknownKeys(JsonObjectNode node, params string[] known)
    {
        foreach (var property in node.Properties)
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                _diagnostics.Add(Descriptors.UnknownKey.At(Path, LineOffset + property.Line, property.Column,
                    $"Unknown key '{Inert.Quote(property.Name)}' is ignored; expected one of: {string.Join(", ", known)}."));
            }
        }
    }

    public JsonObjectNode? AsObject(JsonNode node, string what)
    {
        if (node is JsonObjectNode obj)
        {
            return obj;
        }

        Error(node, $"Expected {what} to be a JSON object.");
        return null;
    }

    public JsonArrayNode? AsArray(JsonNode node, string what)
    {
        if (node is JsonArrayNode array)
        {
            return array;
        }

        Error(node, $"Expected {what} to be a JSON array.");
        return null;
    }

    public string? AsNonEmptyString(JsonNode node, string what)
    {
        if (node is JsonStringNode { Value: var value } && !string.IsNullOrWhiteSpace(value))
        {
            return value.Trim();
        }

        Error(node, $"Expected {what} to be a non-empty string.");
        return null;
    }

    /// <summary>The property of that name; the last one when it is repeated, as JSON readers take it.</summary>
    public static JsonPropertyNode? Find(JsonObjectNode node, string name)
    {
        var properties = node.Properties;
        for (var i = properties.Count - 1; i >= 0; i--)
        {
            if (properties[i].Name == name)
            {
                return properties[i];
            }
        }

        return null;
    }

    /// <summary>A required string property; reports its absence at the object's position.</summary>
    public string? RequiredString(JsonObjectNode node, string name, string what)
    {
        var property = Find(node, name);
        if (property is null)
        {
            Error(node, $"'{name}' is missing: {what}.");
            return null;
        }

        return AsNonEmptyString(property.Value, $"'{name}'");
    }

    public string? OptionalString(JsonObjectNode node, string name) =>
        Find(node, name) is { } property ? AsNonEmptyString(property.Value, $"'{name}'") : null;

    /// <summary>An optional true or false; a string "true" or a number is an error, not a guess.</summary>
    public bool OptionalBoolean(JsonObjectNode node, string name, bool absent)
    {
        if (Find(node, name) is not { } property)
        {
            return absent;
        }

        if (property.Value is JsonLiteralNode { Text: "true" or "false" } literal)
        {
            return literal.Text == "true";
        }

        Error(property.Value, $"Expected '{name}' to be true or false.");
        return absent;
    }

    /// <summary>
    /// An absolute http or https address. Links end up in reports a reviewer clicks, so other
    /// schemes (javascript:, data:, file:) are refused.
    /// </summary>
    public string? OptionalLink(JsonObjectNode node, string name, Func<string, string>? sample = null)
    {
        if (Find(node, name) is not { } property || AsNonEmptyString(property.Value, $"'{name}'") is not { } link)
        {
            return null;
        }

        var probe = sample is null ? link : sample(link);
        if (Uri.TryCreate(probe, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return link;
        }

        Error(property.Value, $"'{name}' must be an absolute http:// or https:// address, not '{Inert.Quote(link)}'.");
        return null;
    }
}
