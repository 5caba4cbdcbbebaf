using System.Text.Json;
using AgentTestGuard.Tool.Report.Model;
using static AgentTestGuard.Tool.Report.Json.JsonValues;

namespace AgentTestGuard.Tool.Report.Json;

/// <summary>One entry of the JSON report's <c>tests</c> (docs/report.md).</summary>
internal static class JsonTestWriter
{
    public static void Write(Utf8JsonWriter json, ReportTest test)
    {
        json.WriteStartObject();
        json.WriteString("id", test.Id);
        json.WriteString("assembly", test.Assembly);
        json.WriteString("project", test.Project);
        json.WriteString("state", test.State.Name());
        json.WriteBoolean("quarantined", test.IsQuarantined);
        json.WriteString("agent", test.Agent);
        json.WriteStartObject("evidence");
        String(json, "model", test.Evidence.Model);
        String(json, "session", test.Evidence.Session);
        String(json, "prompt", test.Evidence.Prompt);
        json.WriteEndObject();
        if (test.Source is { } source)
        {
            json.WriteStartObject("source");
            json.WriteString("file", source.File);
            json.WriteNumber("line", source.Line);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("source");
        }

        json.WriteStartArray("criteria");
        foreach (var criterion in test.Criteria)
        {
            json.WriteStringValue(criterion);
        }

        json.WriteEndArray();
        Time(json, "quarantinedSince", test.QuarantinedSince);
        Number(json, "ageInQuarantineHours", test.AgeInQuarantine?.TotalHours);
        Decision(json, "approval", test.Approval, "note");
        Decision(json, "rejection", test.Rejection, "reason");
        json.WriteStartArray("recentRuns");
        foreach (var run in test.RecentRuns)
        {
            json.WriteStartObject();
            json.WriteString("runId", run.RunId);
            json.WriteString("at", Utc(run.At));
            json.WriteString("outcome", run.Outcome);
            json.WriteNumber("attempts", run.Attempts);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("attempts", test.Attempts);
        Boolean(json, "flaky", test.Flaky);
        Number(json, "defectsCaught", test.DefectsCaught);
        Number(json, "falseAlarms", test.FalseAlarms);
        if (test.LastFailure is { } failure)
        {
            json.WriteStartObject("lastFailure");
            json.WriteString("runId", failure.RunId);
            json.WriteString("at", Utc(failure.At));
            json.WriteString("outcome", failure.Outcome);
            json.WriteString("message", failure.Message);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("lastFailure");
        }

        json.WriteBoolean("failedInLatestRun", test.FailedInLatestRun);
        json.WriteBoolean("blockedEnforcedRun", test.BlockedEnforcedRun);
        json.WriteString("approveCommand", test.ApproveCommand);
        json.WriteString("rejectCommand", test.RejectCommand);
        json.WriteEndObject();
    }

    private static void Decision(Utf8JsonWriter json, string name, ReportDecision? decision, string textName)
    {
        if (decision is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("by", decision.By);
        json.WriteString("at", Utc(decision.At));
        String(json, textName, decision.Text);
        json.WriteEndObject();
    }
}
