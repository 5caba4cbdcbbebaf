using System.Globalization;
using System.Text.Json;
using AgentTestGuard.History.Metrics;

namespace AgentTestGuard.Tool.Report.Json;

/// <summary>How the report's JSON writes times, durations, optional values and the history's figures (the same names as `metrics --json`).</summary>
internal static class JsonValues
{
    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static void Time(Utf8JsonWriter json, string name, DateTimeOffset? at)
    {
        if (at is { } value)
        {
            json.WriteString(name, Utc(value));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    public static void String(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    public static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, Math.Round(number, 3));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    public static void Boolean(Utf8JsonWriter json, string name, bool? value)
    {
        if (value is { } flag)
        {
            json.WriteBoolean(name, flag);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>The figures of docs/metrics.md, under the names `dotnet agt metrics --json` uses; null without history.</summary>
    public static void Figures(Utf8JsonWriter json, string name, Figures? figures)
    {
        if (figures is not { } f)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
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
        Number(json, "defectCatchRate", f.DefectCatchRate);
        Number(json, "flakinessRate", f.FlakinessRate);
        Number(json, "quarantineAgeMedianHours", f.QuarantineAgeMedian?.TotalHours);
        Number(json, "quarantineAgeMaxHours", f.QuarantineAgeMax?.TotalHours);
        Number(json, "decisionTimeMedianHours", f.DecisionTimeMedian?.TotalHours);
        Number(json, "decisionTimeP90Hours", f.DecisionTimeP90?.TotalHours);
        json.WriteEndObject();
    }
}
