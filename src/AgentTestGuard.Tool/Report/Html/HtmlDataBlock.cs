using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace AgentTestGuard.Tool.Report.Html;

/// <summary>
/// The tests and criteria the page's script lists, as JSON in a
/// <c>&lt;script type="application/json"&gt;</c> block. The encoder escapes &lt; &gt; &amp; and quotes
/// as \uXXXX, so no text can close the block (&lt;/script&gt;) or open a comment in it; keys are
/// short because a 10,000-test report repeats each one 10,000 times (report.js reads them).
/// </summary>
internal static class HtmlDataBlock
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Json(HtmlReportData report)
    {
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
                Write(json, test);
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

    private static void Write(Utf8JsonWriter json, HtmlTest test)
    {
        json.WriteStartObject();
        json.WriteString("id", test.Id);
        // The id as the approve and reject commands take it, only where the shell needs it quoted.
        if (Inert.ShellArgument(test.Id) is var argument && argument != test.Id)
        {
            json.WriteString("arg", argument);
        }

        json.WriteString("asm", test.Assembly);
        json.WriteString("st", test.State);
        json.WriteString("ag", test.Agent);
        Optional(json, "mo", test.Model);
        Optional(json, "se", test.Session);
        Optional(json, "pr", test.Prompt);
        Optional(json, "file", test.SourceFile);
        Optional(json, "line", test.SourceLine);
        json.WriteStartArray("cr");
        foreach (var criterion in test.Criteria)
        {
            json.WriteStringValue(criterion);
        }

        json.WriteEndArray();
        Optional(json, "since", test.QuarantinedSince?.ToUnixTimeMilliseconds());
        json.WriteString("runs", test.RecentOutcomes);
        Optional(json, "att", test.Attempts);
        if (test.FlakinessRate is { } rate)
        {
            json.WriteNumber("fr", Math.Round(rate, 4));
        }

        Optional(json, "dc", test.DefectsCaught);
        Optional(json, "fa", test.FalseAlarms);
        Optional(json, "fail", test.LastFailure);
        Optional(json, "why", test.RejectionReason);
        Optional(json, "by", test.ApprovedBy);
        Optional(json, "at", test.ApprovedAt?.ToUnixTimeMilliseconds());
        Optional(json, "note", test.ApprovalNote);
        json.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void Optional(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
    }
}
