using System.Text;
using System.Text.Json;
using AgentTestGuard.Tool.Report.Model;
using static AgentTestGuard.Tool.Report.Json.JsonValues;

namespace AgentTestGuard.Tool.Report.Json;

/// <summary>
/// The whole report as JSON, schema version <see cref="QuarantineReport.SchemaVersion"/> (docs/report.md).
/// Strings are escaped by the writer's default encoder: also &lt;, &gt;, &amp;, quotes and non-ASCII
/// characters, so the document is safe to embed in a page as well.
/// </summary>
internal sealed class JsonReport : IReportRenderer
{
    public string Option => "--json";

    public string DefaultFileName => "agenttestguard-report.json";

    public void Write(QuarantineReport report, TextWriter writer)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            Write(report, json);
        }

        writer.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).ReplaceLineEndings("\n"));
        writer.Write('\n');
    }

    private static void Write(QuarantineReport report, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", QuarantineReport.SchemaVersion);
        json.WriteString("generatedAt", Utc(report.GeneratedAt));
        json.WriteString("repository", report.Repository);
        String(json, "owner", report.Owner);
        json.WriteStartArray("allowedAgents");
        foreach (var agent in report.AllowedAgents)
        {
            json.WriteStringValue(agent);
        }

        json.WriteEndArray();
        WriteCounts(json, report.Counts);
        WriteHistory(json, report.History);
        json.WriteStartArray("agents");
        foreach (var agent in report.Agents)
        {
            JsonAgentWriter.Write(json, agent);
        }

        json.WriteEndArray();
        json.WriteStartArray("criteria");
        foreach (var criterion in report.Criteria)
        {
            json.WriteStartObject();
            json.WriteString("id", criterion.Id);
            String(json, "text", criterion.Text);
            String(json, "link", criterion.Link);
            json.WriteBoolean("known", criterion.Known);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("tests");
        foreach (var test in report.Tests)
        {
            JsonTestWriter.Write(json, test);
        }

        json.WriteEndArray();
        json.WriteStartArray("runs");
        foreach (var run in report.Runs)
        {
            json.WriteStartObject();
            json.WriteString("runId", run.RunId);
            json.WriteString("assembly", run.Assembly);
            json.WriteString("environment", run.Environment);
            json.WriteString("file", run.File);
            json.WriteString("startedAt", Utc(run.StartedAt));
            json.WriteString("finishedAt", Utc(run.FinishedAt));
            String(json, "revision", run.Revision);
            json.WriteBoolean("enforce", run.Enforce);
            json.WriteBoolean("enforceFailed", run.EnforceFailed);
            json.WriteNumber("gatingFailures", run.GatingFailures);
            json.WriteNumber("quarantinedFailures", run.QuarantinedFailures);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter json, ReportCounts counts)
    {
        json.WriteStartObject("counts");
        json.WriteNumber("agentTests", counts.AgentTests);
        json.WriteNumber("quarantined", counts.Quarantined);
        json.WriteNumber("unapproved", counts.Unapproved);
        json.WriteNumber("stale", counts.Stale);
        json.WriteNumber("rejected", counts.Rejected);
        json.WriteNumber("gating", counts.Gating);
        json.WriteNumber("approved", counts.Approved);
        json.WriteNumber("quarantinedFailures", counts.QuarantinedFailures);
        json.WriteNumber("unreviewedInFailedEnforcedRun", counts.UnreviewedInFailedEnforcedRun);
        json.WriteNumber("stoppedAgents", counts.StoppedAgents);
        json.WriteNumber("agentsAwaitingDecision", counts.AgentsAwaitingDecision);
        json.WriteEndObject();
    }

    private static void WriteHistory(Utf8JsonWriter json, ReportHistory? history)
    {
        if (history is null)
        {
            json.WriteNull("history");
            return;
        }

        json.WriteStartObject("history");
        json.WriteString("store", history.Store);
        json.WriteNumber("runs", history.Runs);
        Time(json, "firstRun", history.FirstRun);
        Time(json, "lastRun", history.LastRun);
        Figures(json, "overall", history.Overall);
        json.WriteEndObject();
    }
}
