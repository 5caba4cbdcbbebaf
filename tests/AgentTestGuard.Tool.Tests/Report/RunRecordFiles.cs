using System.Globalization;
using System.Text.Json;

namespace AgentTestGuard.Tool.Tests.Report;

/// <summary>Writes run records in the format of docs/files.md, as the run-time extension would, for the report's tests.</summary>
internal static class RunRecordFiles
{
    /// <param name="tests">Each agent test's id, outcome, failure message (or null) and attempts.</param>
    public static string Write(
        string folder, string runId, DateTimeOffset startedAt, bool enforceFailed,
        params (string Id, string Outcome, string? Message, int Attempts)[] tests)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"Shop.Tests.{startedAt.UtcDateTime:yyyyMMdd'T'HHmmss}.{runId}.agentrun.json");
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", 1);
        json.WriteString("runId", runId);
        json.WriteString("assembly", "Shop.Tests");
        json.WriteString("environment", "ci");
        json.WriteBoolean("enforce", true);
        json.WriteString("machine", "agent-1");
        json.WriteStartObject("codeRevision");
        json.WriteString("id", "rev-" + runId);
        json.WriteString("source", "GITHUB_SHA");
        json.WriteEndObject();
        json.WriteString("startedAt", startedAt.ToString("O", CultureInfo.InvariantCulture));
        json.WriteString("finishedAt", startedAt.AddSeconds(4).ToString("O", CultureInfo.InvariantCulture));
        json.WriteStartObject("verdict");
        json.WriteNumber("gatingFailures", 0);
        json.WriteNumber("quarantinedFailures", tests.Count(t => t.Outcome == "failed"));
        json.WriteBoolean("enforceFailed", enforceFailed);
        json.WriteEndObject();
        json.WriteStartArray("tests");
        json.WriteStartObject();
        json.WriteString("id", "Shop.Tests.PlainTests.Not_an_agent_test");
        json.WriteString("outcome", "failed");
        json.WriteString("failureMessage", "a gating failure the report leaves out");
        json.WriteString("classification", "gating");
        json.WriteEndObject();
        foreach (var (id, outcome, message, attempts) in tests)
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("outcome", outcome);
            if (message is not null)
            {
                json.WriteString("failureMessage", message);
            }

            json.WriteNumber("attempts", attempts);
            json.WriteString("classification", "quarantined");
            json.WriteString("agent", "copilot");
            json.WriteString("fingerprint", "v2:" + id);
            json.WriteStartArray("criteria");
            json.WriteStringValue("CART-1");
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        return path;
    }
}
