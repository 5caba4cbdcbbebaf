using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using AgentTestGuard.Tool.Report.Model;

namespace AgentTestGuard.Tool.Report.Html;

/// <summary>
/// The tests and criteria the page's script lists, as JSON in a
/// <c>&lt;script type="application/json"&gt;</c> block. The encoder escapes &lt; &gt; &amp; and quotes
/// as \uXXXX, so no text can close the block (&lt;/script&gt;) or open a comment in it. Keys are
/// short and absent values left out because a 10,000-test report repeats each key 10,000 times
/// (report.js names them).
/// </summary>
internal static class HtmlDataBlock
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Json(QuarantineReport report)
    {
        var commands = new HtmlCommands();
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
            json.WriteStartArray("tests");
            foreach (var test in report.Tests)
            {
                HtmlTestJson.Write(json, test, commands);
            }

            json.WriteEndArray();
            json.WriteStartArray("commands");
            foreach (var template in commands.Templates)
            {
                json.WriteStringValue(template);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        // The encoder's promise, checked where it matters: one '<' could end the block early.
        return text.Contains('<', StringComparison.Ordinal)
            ? throw new InvalidOperationException("The report's data would contain '<' unescaped.")
            : text;
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
