using System.Text.Json;
using AgentTestGuard.History.Metrics;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Json;

namespace AgentTestGuard.Tool.History;

/// <summary>`metrics --json`: the schema documented in docs/metrics.md (version <see cref="SchemaVersion"/>).</summary>
internal static class MetricsJson
{
    /// <summary>Raised when a reader of an older version could misread the output; new keys do not raise it.</summary>
    public const int SchemaVersion = 1;

    public static void Write(MetricsView view, Output output) => output.Json(json =>
    {
        var report = view.Report;
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        json.WriteString("now", JsonFields.Utc(report.Now));
        json.WriteString("store", view.Store);
        json.WriteStartObject("window");
        json.WriteNumber("runs", report.Runs);
        JsonFields.Time(json, "since", view.Query.Since);
        JsonFields.Number(json, "lastRuns", view.Query.LastRuns);
        json.WriteStartArray("environments");
        foreach (var environment in view.Query.Environments ?? [])
        {
            json.WriteStringValue(environment);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("overall");
        JsonFields.Figures(json, report.Overall.Figures);
        json.WriteEndObject();
        json.WriteStartArray("agents");
        foreach (var agent in report.Agents)
        {
            json.WriteStartObject();
            json.WriteString("agent", agent.Name);
            JsonFields.Figures(json, agent.Figures);
            if (view.StopRules.TryGetValue(agent.Name, out var rule))
            {
                WriteStopRule(json, rule);
            }
            else
            {
                json.WriteNull("stopRule");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteRows(json, "criteria", "criterion", report.Criteria);
        json.WriteStartArray("tests");
        foreach (var test in report.Tests)
        {
            var separator = test.Name.IndexOf(": ", StringComparison.Ordinal);
            json.WriteStartObject();
            json.WriteString("assembly", test.Name[..separator]);
            json.WriteString("test", test.Name[(separator + 2)..]);
            JsonFields.Figures(json, test.Figures);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static void WriteRows(Utf8JsonWriter json, string name, string key, IReadOnlyList<MetricsRow> rows)
    {
        json.WriteStartArray(name);
        foreach (var row in rows)
        {
            json.WriteStartObject();
            json.WriteString(key, row.Name);
            JsonFields.Figures(json, row.Figures);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteStopRule(Utf8JsonWriter json, AgentStopRule rule)
    {
        var state = rule.State;
        json.WriteStartObject("stopRule");
        json.WriteBoolean("trips", state.Trips);
        json.WriteBoolean("needsDecision", rule.NeedsDecision);
        json.WriteNumber("events", state.Events);
        json.WriteNumber("triage", state.Triage);
        json.WriteNumber("value", state.Value);
        JsonFields.Rate(json, "ratio", state.Ratio);
        JsonFields.Time(json, "trippedAt", state.TrippedAt);
        JsonFields.Number(json, "windowDays", state.Rule.WindowDays);
        JsonFields.Number(json, "windowRuns", state.Rule.WindowRuns);
        json.WriteNumber("minimumEvents", state.Rule.MinimumEvents);
        json.WriteNumber("maxTriageToValue", state.Rule.MaxTriageToValue);
        JsonFields.Decision(json, rule.Decision is { } d ? (d.Stop, d.By, d.At, d.Reason) : null);

        json.WriteEndObject();
    }
}
