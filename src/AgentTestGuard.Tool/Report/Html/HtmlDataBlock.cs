using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using AgentTestGuard.Tool.Report.Model;

namespace AgentTestGuard.Tool.Report.Html;

/// <summary>
/// The tests and criteria the page's script lists, as JSON in a
/// <c>&lt;script type="application/json"&gt;</c> block. The encoder escapes &lt; &gt; &amp; and quotes
/// as \uXXXX, so no text can close the block (&lt;/script&gt;) or open a comment in it. Each test
/// is a row of values, named once in "columns" (<see cref="HtmlTestJson"/>); values many tests
/// share are sent once in "strings", as commands are in "commands".
/// </summary>
internal static class HtmlDataBlock
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Json(QuarantineReport report)
    {
        var commands = new HtmlCommands();
        var strings = new HtmlStrings();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("now", report.GeneratedAt.ToUnixTimeMilliseconds());
            json.WriteStartArray("criteria");
            foreach (var criterion in report.Criteria)
            {
                json.WriteStartObject();
                json.WriteString("id", criterion.Id);
                Optional(json, "text", criterion.Text);
                Optional(json, "link", HtmlText.SafeLink(criterion.Link));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            Texts(json, "columns", HtmlTestJson.Columns);
            Texts(json, "shared", HtmlTestJson.Shared);
            json.WriteStartArray("tests");
            foreach (var test in report.Tests)
            {
                HtmlTestJson.Write(json, test, commands, strings);
            }

            json.WriteEndArray();
            Texts(json, "strings", strings.Values);
            Texts(json, "commands", commands.Templates);
            json.WriteEndObject();
        }

        var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        // The encoder's promise, checked where it matters: one '<' could end the block early.
        return text.Contains('<', StringComparison.Ordinal)
            ? throw new InvalidOperationException("The report's data would contain '<' unescaped.")
            : text;
    }

    private static void Texts(Utf8JsonWriter json, string name, IEnumerable<string> texts)
    {
        json.WriteStartArray(name);
        foreach (var text in texts)
        {
            json.WriteStringValue(text);
        }

        json.WriteEndArray();
    }

    internal static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    internal static void Optional(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
    }

    internal static void Optional(Utf8JsonWriter json, string name, DateTimeOffset? value) =>
        Optional(json, name, value?.ToUnixTimeMilliseconds());
}
