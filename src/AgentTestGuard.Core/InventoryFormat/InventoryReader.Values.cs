using System.Globalization;
using System.Text.Json;

namespace AgentTestGuard.InventoryFormat;

/// <summary>
/// The values every property is read as (strings, arrays of strings, whole numbers), and the
/// errors that name the file and the position where a value is missing or mistyped.
/// </summary>
internal sealed partial class InventoryReader
{
    /// <summary>An array of strings.</summary>
    /// <param name="previous">The array last read for this property: an item equal to the one at its place is reused.</param>
    private List<string> Strings(ref Utf8JsonReader reader, string what, List<string> previous)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Invalid(reader, $"{what} must be an array");
        }

        var items = new List<string>(previous.Count);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var last = items.Count < previous.Count ? previous[items.Count] : null;
            items.Add(Reused(ref reader, what, ref last));
        }

        return items;
    }

    /// <summary>A number token that is a whole number, not negative; null for anything else.</summary>
    private static int? WholeNumber(in Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && int.TryParse(reader.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    /// <returns>Where the object starts, where a missing property is reported.</returns>
    private long StartObject(ref Utf8JsonReader reader, string what) =>
        reader.TokenType == JsonTokenType.StartObject ? reader.TokenStartIndex : throw Invalid(reader, $"{what} must be an object");

    /// <summary>Moves to the object's next property name; false at its end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader) =>
        reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    /// <summary>From a property name, past its value (an unknown property).</summary>
    private static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    /// <summary>From a property name, its value, which must be a string.</summary>
    private string RequiredString(ref Utf8JsonReader reader, string name)
    {
        reader.Read();
        return String(ref reader, name);
    }

    /// <inheritdoc cref="RequiredString(ref Utf8JsonReader, string)"/>
    /// <param name="last">The value last read for this property, reused when it repeats.</param>
    private string RequiredString(ref Utf8JsonReader reader, string name, ref string? last)
    {
        reader.Read();
        return Reused(ref reader, name, ref last);
    }

    /// <summary>From a property name, its value: a string, or null when it is JSON null.</summary>
    private string? OptionalString(ref Utf8JsonReader reader, string name)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : String(ref reader, name);
    }

    /// <inheritdoc cref="OptionalString(ref Utf8JsonReader, string)"/>
    /// <param name="last">The value last read for this property, reused when it repeats.</param>
    private string? OptionalString(ref Utf8JsonReader reader, string name, ref string? last)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : Reused(ref reader, name, ref last);
    }

    private string Reused(ref Utf8JsonReader reader, string what, ref string? last)
    {
        if (last is not null && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(last))
        {
            return last;
        }

        return last = String(ref reader, what);
    }

    private string String(ref Utf8JsonReader reader, string what) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw Invalid(reader, $"{what} must be a string");

    private InvalidDataException Invalid(in Utf8JsonReader reader, string message) => Invalid(reader.TokenStartIndex, message);

    private InvalidDataException Missing(long objectStart, string name) => Invalid(objectStart, $"{name} is missing");

    private InvalidDataException Invalid(long offset, string message)
    {
        var (line, column) = _source.PositionOf(offset);
        return new($"{_path}({line},{column}): not a valid agent test inventory: {message}");
    }
}
