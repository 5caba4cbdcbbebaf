using System.Text.Json;
using AgentTestGuard.Tool.Json;
using AgentTestGuard.Tool.Report.Model;
using static AgentTestGuard.Tool.Report.Json.JsonValues;

namespace AgentTestGuard.Tool.Report.Json;

/// <summary>One entry of the JSON report's <c>agents</c> (docs/report.md).</summary>
internal static class JsonAgentWriter
{
    public static void Write(Utf8JsonWriter json, ReportAgent agent)
    {
        json.WriteStartObject();
        json.WriteString("name", agent.Name);
        json.WriteBoolean("allowed", agent.Allowed);
        json.WriteStartObject("tests");
        json.WriteNumber("unapproved", agent.Unapproved);
        json.WriteNumber("stale", agent.Stale);
        json.WriteNumber("rejected", agent.Rejected);
        json.WriteNumber("gating", agent.Gating);
        json.WriteNumber("approved", agent.Approved);
        json.WriteEndObject();
        Figures(json, "metrics", agent.Metrics);
        if (agent.StopRule is not { } rule)
        {
            json.WriteNull("stopRule");
        }
        else
        {
            json.WriteStartObject("stopRule");
            json.WriteString("state", rule.State);
            json.WriteNumber("triage", rule.Triage);
            json.WriteNumber("value", rule.Value);
            json.WriteNumber("events", rule.Events);
            json.WriteString("summary", rule.Summary);
            Time(json, "trippedAt", rule.TrippedAt);
            JsonFields.Decision(json, rule.Decision is { } d ? (d.Stop, d.By, d.At, d.Reason) : null);

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
