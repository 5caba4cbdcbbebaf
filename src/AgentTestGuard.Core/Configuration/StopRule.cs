using System.Globalization;
using AgentTestGuard.Json;

namespace AgentTestGuard.Configuration;

/// <summary>
/// The policy's <c>stopRule</c>: over a window (the last <see cref="WindowDays"/> days or the last
/// <see cref="WindowRuns"/> runs), an agent's rule trips when at least <see cref="MinimumEvents"/>
/// events (triage and value, docs/metrics.md) happened and triage exceeds value more than
/// <see cref="MaxTriageToValue"/> times.
/// <code>"stopRule": { "windowDays": 30, "minimumEvents": 10, "maxTriageToValue": 1.0 }</code>
/// </summary>
internal sealed record StopRule(int? WindowDays, int? WindowRuns, int MinimumEvents, double MaxTriageToValue)
{
    /// <summary>The rule when the policy does not set one: 30 days, 10 events, triage at most equal to value.</summary>
    public static StopRule Default { get; } = new(30, null, 10, 1.0);

    internal static StopRule? Read(ConfigurationFileReader reader, JsonObjectNode root)
    {
        if (ConfigurationFileReader.Find(root, "stopRule") is not { } property)
        {
            return Default;
        }

        if (reader.AsObject(property.Value, "'stopRule'") is not { } rule)
        {
            return null;
        }

        reader.WarnUnknownKeys(rule, "windowDays", "windowRuns", "minimumEvents", "maxTriageToValue");
        var days = PositiveInteger(reader, rule, "windowDays");
        var runs = PositiveInteger(reader, rule, "windowRuns");
        if (days is not null && runs is not null)
        {
            reader.Error(ConfigurationFileReader.Find(rule, "windowRuns")!.Value, "'stopRule' takes 'windowDays' or 'windowRuns', not both.");
            return null;
        }

        var minimum = PositiveInteger(reader, rule, "minimumEvents") ?? Default.MinimumEvents;
        var ratio = Default.MaxTriageToValue;
        if (ConfigurationFileReader.Find(rule, "maxTriageToValue") is { } limit)
        {
            if (limit.Value is JsonLiteralNode literal
                && double.TryParse(literal.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                && parsed > 0 && double.IsFinite(parsed))
            {
                ratio = parsed;
            }
            else
            {
                reader.Error(limit.Value, "Expected 'maxTriageToValue' to be a number above 0, e.g. 1.5 (triage may be one and a half times the value).");
            }
        }

        return new StopRule(runs is null ? days ?? Default.WindowDays : null, runs, minimum, ratio);
    }

    private static int? PositiveInteger(ConfigurationFileReader reader, JsonObjectNode rule, string name)
    {
        if (ConfigurationFileReader.Find(rule, name) is not { } property)
        {
            return null;
        }

        if (property.Value is JsonLiteralNode literal
            && int.TryParse(literal.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && value > 0)
        {
            return value;
        }

        reader.Error(property.Value, $"Expected '{name}' to be a whole number above 0.");
        return null;
    }
}
