using System.Globalization;
using System.Text.Json;
using AgentTestGuard.History.Metrics;

namespace AgentTestGuard.Tool.Json;

/// <summary>
/// How the tool's JSON outputs (`metrics --json`, `report --json`) write times, optional values,
/// the history's figures and a human decision: one way, so the two documents agree on every figure.
/// </summary>
internal static class JsonFields
{
    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static void Time(Utf8JsonWriter json, string name, DateTimeOffset? at)
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

    public static void Number(Utf8JsonWriter json, string name, int? value)
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

    /// <summary>A rate, ratio or number of hours, rounded to 4 decimals; null when there is none.</summary>
    public static void Rate(Utf8JsonWriter json, string name, double? rate)
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

    /// <summary>The figures of docs/metrics.md, as properties of the object being written.</summary>
    public static void Figures(Utf8JsonWriter json, Figures f)
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
        Rate(json, "defectCatchRate", f.DefectCatchRate);
        Rate(json, "flakinessRate", f.FlakinessRate);
        Rate(json, "quarantineAgeMedianHours", f.QuarantineAgeMedian?.TotalHours);
        Rate(json, "quarantineAgeMaxHours", f.QuarantineAgeMax?.TotalHours);
        Rate(json, "decisionTimeMedianHours", f.DecisionTimeMedian?.TotalHours);
        Rate(json, "decisionTimeP90Hours", f.DecisionTimeP90?.TotalHours);
    }

    /// <summary>The latest human stop or continue decision about an agent, as <c>"decision"</c>: an object, or null.</summary>
    public static void Decision(Utf8JsonWriter json, (bool Stop, string By, DateTimeOffset At, string Reason)? decision)
    {
        if (decision is not { } d)
        {
            json.WriteNull("decision");
            return;
        }

        json.WriteStartObject("decision");
        json.WriteString("decision", d.Stop ? "stop" : "continue");
        json.WriteString("by", d.By);
        json.WriteString("at", Utc(d.At));
        json.WriteString("reason", d.Reason);
        json.WriteEndObject();
    }
}
