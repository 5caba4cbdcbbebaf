using System.Text.Json;
using AgentTestGuard.Tool.Report.Model;
using static AgentTestGuard.Tool.Report.Json.JsonValues;

namespace AgentTestGuard.Tool.Report.Json;

/// <summary>One entry of the JSON report's <c>tests</c> (docs/report.md).</summary>
internal static class JsonTestWriter
{
    /// <param name="runIndex">Each run's place in the report's <c>recentRuns</c>, by run id.</param>
    public static void Write(Utf8JsonWriter json, ReportTest test, IReadOnlyDictionary<string, int> runIndex)
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
        // Runs by their place in the report's list, outcomes as letters: 20 runs of 10,000 tests stay small.
        json.WriteStartObject("recentRuns");
        json.WriteStartArray("runs");
        foreach (var run in test.RecentRuns)
        {
            json.WriteNumberValue(runIndex[run.RunId]);
        }

        json.WriteEndArray();
        json.WriteString("outcomes", OutcomeLetters.Of(test.RecentRuns));
        json.WriteStartArray("attempts");
        foreach (var run in test.RecentRuns)
        {
            json.WriteNumberValue(run.Attempts);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteNumber("attempts", test.Attempts);
        Boolean(json, "flaky", test.Flaky);
        Number(json, "defectsCaught", test.DefectsCaught);
        Number(json, "falseAlarms", test.FalseAlarms);
        ObjectOrNull(json, "lastFailure", test.LastFailure, (json, failure) =>
        {
            json.WriteString("runId", failure.RunId);
            json.WriteString("at", Utc(failure.At));
            json.WriteString("outcome", failure.Outcome);
            json.WriteString("message", failure.Message);
        });
        json.WriteBoolean("failedInLatestRun", test.FailedInLatestRun);
        json.WriteBoolean("blockedEnforcedRun", test.BlockedEnforcedRun);
        ObjectOrNull(json, "cannotFail", test.CannotFail, (json, cannotFail) =>
        {
            json.WriteString("reason", cannotFail.ReasonName);
            json.WriteString("detail", cannotFail.Detail);
        });
        ObjectOrNull(json, "approvedDespite", test.ApprovedDespite, (json, despite) =>
        {
            json.WriteString("reason", despite.Reason);
            json.WriteStartArray("overrode");
            foreach (var missing in despite.Overrode)
            {
                json.WriteStringValue(missing);
            }

            json.WriteEndArray();
        });
        ObjectOrNull(json, "latestReruns", test.LatestReruns, (json, reruns) =>
        {
            json.WriteNumber("attempts", reruns.Attempts);
            json.WriteNumber("failures", reruns.Failures);
            json.WriteBoolean("flaky", reruns.Flaky);
        });
        json.WriteString("approveCommand", test.ApproveCommand);
        json.WriteString("rejectCommand", test.RejectCommand);
        json.WriteEndObject();
    }

    private static void ObjectOrNull<T>(Utf8JsonWriter json, string name, T? value, Action<Utf8JsonWriter, T> write)
        where T : class
    {
        if (value is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        write(json, value);
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
