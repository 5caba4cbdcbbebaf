using System.Globalization;
using System.Text.Json;
using AgentTestGuard.History.Metrics;
using AgentTestGuard.Tool.Cli;

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
        json.WriteString("now", Utc(report.Now));
        json.WriteString("store", view.Store);
        json.WriteStartObject("window");
        json.WriteNumber("runs", report.Runs);
        WriteTime(json, "since", view.Query.Since);
        WriteNumber(json, "lastRuns", view.Query.LastRuns);
        json.WriteStartArray("environments");
        foreach (var environment in view.Query.Environments ?? [])
        {
            json.WriteStringValue(environment);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("overall");
        WriteFigures(json, report.Overall.Figures);
        json.WriteEndObject();
        json.WriteStartArray("agents");
        foreach (var agent in report.Agents)
        {
            json.WriteStartObject();
            json.WriteString("agent", agent.Name);
            WriteFigures(json, agent.Figures);
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
            WriteFigures(json, test.Figures);
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
            WriteFigures(json, row.Figures);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteFigures(Utf8JsonWriter json, Figures f)
    {
        json.WriteNumber("testsSeen", f.TestsSeen);
        json.WriteNumber("defectsCaught", f.DefectsCaught);
        json.WriteNumber("falseAlarms", f.FalseAlarms);
        json.WriteNumber("flakyTests", f.FlakyTests);
        json.WriteNumber("flakyFailures", f.FlakyFailures);
        json.WriteNumber("rejections", f.Rejections);
        json.WriteNumber("mistakes", f.Mistakes);
        json.WriteNumber("approved", f.Approved);
        json.WriteNumber("pendingReview", f.PendingReview);
        json.WriteNumber("triage", f.Triage);
        json.WriteNumber("value", f.Value);
        WriteRate(json, "defectCatchRate", f.DefectCatchRate);
        WriteRate(json, "flakinessRate", f.FlakinessRate);
        WriteHours(json, "quarantineAgeMedianHours", f.QuarantineAgeMedian);
        WriteHours(json, "quarantineAgeMaxHours", f.QuarantineAgeMax);
        WriteHours(json, "decisionTimeMedianHours", f.DecisionTimeMedian);
        WriteHours(json, "decisionTimeP90Hours", f.DecisionTimeP90);
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
        WriteRate(json, "ratio", state.Ratio);
        WriteTime(json, "trippedAt", state.TrippedAt);
        WriteNumber(json, "windowDays", state.Rule.WindowDays);
        WriteNumber(json, "windowRuns", state.Rule.WindowRuns);
        json.WriteNumber("minimumEvents", state.Rule.MinimumEvents);
        json.WriteNumber("maxTriageToValue", state.Rule.MaxTriageToValue);
        if (rule.Decision is { } decision)
        {
            json.WriteStartObject("decision");
            json.WriteString("decision", decision.Stop ? "stop" : "continue");
            json.WriteString("by", decision.By);
            json.WriteString("at", Utc(decision.At));
            json.WriteString("reason", decision.Reason);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("decision");
        }

        json.WriteEndObject();
    }

    private static void WriteRate(Utf8JsonWriter json, string name, double? rate)
    {
        if (rate is { } value)
        {
            json.WriteNumber(name, Math.Round(value, 4));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteHours(Utf8JsonWriter json, string name, TimeSpan? span) => WriteRate(json, name, span?.TotalHours);

    private static void WriteNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? at)
    {
        if (at is { } time)
        {
            json.WriteString(name, Utc(time));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
