using System.Text.Json;
using AgentTestGuard.Files;

namespace AgentTestGuard.TestingPlatform.Record;

/// <summary>
/// Writes a run record in the documented order (docs/files.md); absent (null) values are left out.
/// Written by hand with the JSON writer rather than the serializer, whose first use in a test run
/// compiled a few hundred methods, more time than writing the record itself.
/// </summary>
internal static class RunRecordWriter
{
    public static void Write(Utf8JsonWriter json, RunRecordDocument record)
    {
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", record.SchemaVersion);
        json.WriteString("generator", record.Generator);
        json.WriteString("assembly", record.Assembly);
        json.WriteOptionalString("inventory", record.Inventory);
        json.WriteString("environment", record.Environment);
        json.WriteBoolean("environmentAllowsUnreviewedTests", record.EnvironmentAllowsUnreviewedTests);
        json.WriteBoolean("enforce", record.Enforce);
        json.WriteString("machine", record.Machine);
        if (record.CodeRevision is { } revision)
        {
            json.WriteStartObject("codeRevision");
            json.WriteString("id", revision.Id);
            json.WriteString("source", revision.Source);
            json.WriteEndObject();
        }

        json.WriteString("startedAt", record.StartedAt);
        json.WriteString("finishedAt", record.FinishedAt);
        json.WriteOptionalString("owner", record.Owner);
        json.WriteStartObject("verdict");
        json.WriteNumber("gatingFailures", record.Verdict.GatingFailures);
        json.WriteNumber("quarantinedFailures", record.Verdict.QuarantinedFailures);
        json.WriteBoolean("quarantinedFailuresIgnored", record.Verdict.QuarantinedFailuresIgnored);
        json.WriteBoolean("enforceFailed", record.Verdict.EnforceFailed);
        json.WriteBoolean("cancelled", record.Verdict.Cancelled);
        json.WriteEndObject();
        json.WriteStartArray("tests");
        foreach (var test in record.Tests)
        {
            WriteTest(json, test);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTest(Utf8JsonWriter json, RunRecordTest test)
    {
        json.WriteStartObject();
        json.WriteString("id", test.Id);
        json.WriteOptionalString("displayName", test.DisplayName);
        json.WriteString("outcome", test.Outcome);
        if (test.DurationMs is { } duration)
        {
            json.WriteNumber("durationMs", duration);
        }

        json.WriteOptionalString("failureMessage", test.FailureMessage);
        json.WriteNumber("attempts", test.Attempts);
        json.WriteString("classification", test.Classification);
        json.WriteOptionalString("approval", test.Approval);
        json.WriteOptionalString("agent", test.Agent);
        json.WriteOptionalString("fingerprint", test.Fingerprint);
        if (test.Criteria is { } criteria)
        {
            json.WriteStartArray("criteria");
            foreach (var criterion in criteria)
            {
                json.WriteStringValue(criterion);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
