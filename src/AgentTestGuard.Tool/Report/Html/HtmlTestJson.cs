using System.Collections.Frozen;
using System.Text.Json;
using AgentTestGuard.Tool.Report.Model;
using static AgentTestGuard.Tool.Report.Html.HtmlDataBlock;

namespace AgentTestGuard.Tool.Report.Html;

/// <summary>
/// One agent test in the page's data: a row of values in the order of <see cref="Columns"/>
/// (report.js gives them back these names), null where a value is absent and the trailing nulls
/// left out. A row instead of an object with keys, and shared values by number, make a
/// 10,000-test page a third of the size, which the browser reads and parses a third as long.
/// </summary>
internal static class HtmlTestJson
{
    /// <summary>The values of each row, most often present first.</summary>
    public static readonly string[] Columns =
    [
        "id", "asm", "st", "ag", "ap", "rj", "runs", "att", "cr", "file", "line", "flaky", "dc", "fa", "since",
        "fail", "failAt", "lf", "blk", "mo", "se", "pr", "cf", "dsp", "rr", "rrf", "ok", "no",
    ];

    /// <summary>Columns holding a number into the data's shared strings (<see cref="HtmlStrings"/>).</summary>
    public static readonly string[] Shared = ["asm", "st", "ag", "file", "fail", "mo", "se", "pr", "cf", "dsp", "rr"];

    private static readonly FrozenDictionary<string, int> Position =
        Columns.Select((name, i) => (name, i)).ToFrozenDictionary(c => c.name, c => c.i, StringComparer.Ordinal);

    public static void Write(Utf8JsonWriter json, ReportTest test, HtmlCommands commands, HtmlStrings strings)
    {
        var row = new object?[Columns.Length];
        void Set(string column, object? value) => row[Position[column]] = value;

        Set("id", test.Id);
        Set("asm", strings.Refer(test.Assembly));
        Set("st", strings.Refer(test.State.Name()));
        Set("ag", strings.Refer(test.Agent));
        Set("ap", Command(test.ApproveCommand, test.Id, commands));
        Set("rj", Command(test.RejectCommand, test.Id, commands));
        Set("runs", OutcomeLetters.Of(test.RecentRuns));
        Set("att", test.Attempts);
        Set("cr", test.Criteria);
        Set("file", strings.Refer(test.Source?.File));
        Set("line", test.Source?.Line);
        Set("flaky", test.Flaky);
        Set("dc", test.DefectsCaught);
        Set("fa", test.FalseAlarms);
        Set("since", test.QuarantinedSince?.ToUnixTimeMilliseconds());
        Set("fail", strings.Refer(test.LastFailure?.Message));
        Set("failAt", test.LastFailure?.At.ToUnixTimeMilliseconds());
        Set("lf", test.FailedInLatestRun ? true : null);
        Set("blk", test.BlockedEnforcedRun ? true : null);
        Set("mo", strings.Refer(test.Evidence.Model));
        Set("se", strings.Refer(test.Evidence.Session));
        Set("pr", strings.Refer(test.Evidence.Prompt));
        Set("cf", strings.Refer(test.CannotFail?.Detail));
        Set("dsp", strings.Refer(test.ApprovedDespite is { } despite ? $"without {string.Join(", ", despite.Overrode)}: {despite.Reason}" : null));
        Set("rr", strings.Refer(test.LatestReruns is { } reruns ? Text.ReportText.Reruns(reruns) : null));
        Set("rrf", test.LatestReruns is { Flaky: true } ? true : null);
        Set("ok", test.Approval);
        Set("no", test.Rejection);

        var length = row.Length;
        while (row[length - 1] is null)
        {
            length--;
        }

        json.WriteStartArray();
        foreach (var value in row.AsSpan(0, length))
        {
            Value(json, value);
        }

        json.WriteEndArray();
    }

    private static void Value(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string text: json.WriteStringValue(text); break;
            case int number: json.WriteNumberValue(number); break;
            case long number: json.WriteNumberValue(number); break;
            case bool flag: json.WriteBooleanValue(flag); break;
            case IReadOnlyList<string> texts:
                json.WriteStartArray();
                foreach (var text in texts)
                {
                    json.WriteStringValue(text);
                }

                json.WriteEndArray();
                break;
            case ReportDecision decision:
                json.WriteStartObject();
                json.WriteString("by", decision.By);
                Optional(json, "at", decision.At);
                Optional(json, "text", decision.Text);
                json.WriteEndObject();
                break;
            default: throw new InvalidOperationException($"No JSON form for {value.GetType()}.");
        }
    }

    /// <summary>A template's number, or the whole command when no template fits (<see cref="HtmlCommands"/>).</summary>
    private static object Command(string command, string id, HtmlCommands commands) =>
        commands.Refer(command, id) is { } template ? template : command;
}
