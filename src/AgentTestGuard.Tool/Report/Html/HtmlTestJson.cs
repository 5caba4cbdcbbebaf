using System.Text.Json;
using AgentTestGuard.Tool.Report.Model;
using static AgentTestGuard.Tool.Report.Html.HtmlDataBlock;

namespace AgentTestGuard.Tool.Report.Html;

/// <summary>One agent test in the page's data; the keys are the ones report.js reads.</summary>
internal static class HtmlTestJson
{
    public static void Write(Utf8JsonWriter json, ReportTest test, HtmlCommands commands)
    {
        json.WriteStartObject();
        json.WriteString("id", test.Id);
        json.WriteString("asm", test.Assembly);
        json.WriteString("st", test.State.Name());
        json.WriteString("ag", test.Agent);
        Optional(json, "mo", test.Evidence.Model);
        Optional(json, "se", test.Evidence.Session);
        Optional(json, "pr", test.Evidence.Prompt);
        Optional(json, "file", test.Source?.File);
        Optional(json, "line", test.Source?.Line);
        json.WriteStartArray("cr");
        foreach (var criterion in test.Criteria)
        {
            json.WriteStringValue(criterion);
        }

        json.WriteEndArray();
        Optional(json, "since", test.QuarantinedSince);
        json.WriteString("runs", OutcomeLetters.Of(test.RecentRuns));
        json.WriteNumber("att", test.Attempts);
        if (test.Flaky is { } flaky)
        {
            json.WriteBoolean("flaky", flaky);
        }

        Optional(json, "dc", test.DefectsCaught);
        Optional(json, "fa", test.FalseAlarms);
        if (test.FailedInLatestRun)
        {
            json.WriteBoolean("lf", true);
        }

        if (test.BlockedEnforcedRun)
        {
            json.WriteBoolean("blk", true);
        }

        if (test.LastFailure is { } failure)
        {
            json.WriteString("fail", failure.Message);
            Optional(json, "failAt", failure.At);
        }

        if (test.CannotFail is { } cannotFail)
        {
            json.WriteString("cf", cannotFail.Detail);
        }

        if (test.ApprovedDespite is { } despite)
        {
            json.WriteString("dsp", $"without {string.Join(", ", despite.Overrode)}: {despite.Reason}");
        }

        if (test.LatestReruns is { } reruns)
        {
            json.WriteString("rr", Text.ReportText.Reruns(reruns));
            if (reruns.Flaky)
            {
                json.WriteBoolean("rrf", true);
            }
        }

        Decision(json, "ok", test.Approval);
        Decision(json, "no", test.Rejection);
        Command(json, "ap", test.ApproveCommand, test.Id, commands);
        Command(json, "rj", test.RejectCommand, test.Id, commands);
        json.WriteEndObject();
    }

    private static void Decision(Utf8JsonWriter json, string name, ReportDecision? decision)
    {
        if (decision is null)
        {
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("by", decision.By);
        Optional(json, "at", decision.At);
        Optional(json, "text", decision.Text);
        json.WriteEndObject();
    }

    private static void Command(Utf8JsonWriter json, string name, string command, string id, HtmlCommands commands)
    {
        if (commands.Refer(command, id) is { } template)
        {
            json.WriteNumber(name, template);
        }
        else
        {
            json.WriteString(name, command);
        }
    }
}
