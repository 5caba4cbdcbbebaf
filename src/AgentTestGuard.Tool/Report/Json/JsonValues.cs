using System.Text.Json;
using AgentTestGuard.History.Metrics;
using AgentTestGuard.Tool.Json;

namespace AgentTestGuard.Tool.Report.Json;

/// <summary>How the report's JSON writes times, durations, optional values and the history's figures (the same names as `metrics --json`).</summary>
internal static class JsonValues
{
    public static string Utc(DateTimeOffset at) => JsonFields.Utc(at);

    public static void Time(Utf8JsonWriter json, string name, DateTimeOffset? at) => JsonFields.Time(json, name, at);

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

    public static void Number(Utf8JsonWriter json, string name, double? value) => JsonFields.Rate(json, name, value);

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
        JsonFields.Figures(json, f);
        json.WriteEndObject();
    }
}
