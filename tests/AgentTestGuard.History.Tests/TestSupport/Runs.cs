using System.Text.Json;

namespace AgentTestGuard.History.Tests.TestSupport;

/// <summary>A test's line in a scripted run record.</summary>
/// <param name="Outcome">As a record names it: passed, failed, error, timedOut, skipped, cancelled, notRun.</param>
/// <param name="Reruns">
/// Each rerun's outcome, in order: the record then has <c>reruns</c>, <c>attempts</c> 1 + their
/// number (<paramref name="Attempts"/> is ignored), and <c>flaky: true</c> when the attempts include a pass and a failure.
/// </param>
internal sealed record T(string Id, string Outcome, string Fingerprint = "f1", int Attempts = 1, string Agent = "copilot", string? DisplayName = null, string[]? Criteria = null, string? DeclaredAs = null, string[]? Reruns = null);

/// <summary>
/// Writes real run records (the format of docs/files.md) for scripted histories: each run at a
/// time, revision and environment, with its agent tests.
/// </summary>
internal static class Runs
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public static string Json(string runId, DateTimeOffset startedAt, string? revision, params T[] tests) =>
        Json(runId, startedAt, revision, "ci", "Shop.Tests", tests);

    public static string Json(string? runId, DateTimeOffset startedAt, string? revision, string environment, string assembly, params T[] tests)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 1);
            json.WriteString("generator", "AgentTestGuard 0.1.0");
            if (runId is not null)
            {
                json.WriteString("runId", runId);
            }

            json.WriteString("assembly", assembly);
            json.WriteString("environment", environment);
            json.WriteBoolean("environmentAllowsUnreviewedTests", true);
            json.WriteBoolean("enforce", false);
            json.WriteString("machine", "build-01");
            if (revision is not null)
            {
                json.WriteStartObject("codeRevision");
                json.WriteString("id", revision);
                json.WriteString("source", "GITHUB_SHA");
                json.WriteEndObject();
            }

            json.WriteString("startedAt", startedAt);
            json.WriteString("finishedAt", startedAt.AddSeconds(2));
            json.WriteStartObject("verdict");
            json.WriteNumber("gatingFailures", 0);
            json.WriteNumber("quarantinedFailures", 0);
            json.WriteBoolean("quarantinedFailuresIgnored", false);
            json.WriteBoolean("enforceFailed", false);
            json.WriteBoolean("cancelled", false);
            json.WriteEndObject();
            json.WriteStartArray("tests");
            foreach (var test in tests)
            {
                json.WriteStartObject();
                json.WriteString("id", test.Id);
                if (test.DisplayName is not null)
                {
                    json.WriteString("displayName", test.DisplayName);
                }

                json.WriteString("outcome", test.Outcome);
                json.WriteNumber("attempts", test.Reruns is { } reruns ? 1 + reruns.Length : test.Attempts);
                WriteReruns(json, test);
                if (test.Agent.Length == 0)
                {
                    json.WriteString("classification", "gating");
                }
                else
                {
                    json.WriteString("classification", "quarantined");
                    json.WriteString("approval", "unapproved");
                    json.WriteString("agent", test.Agent);
                    if (test.DeclaredAs is not null)
                    {
                        json.WriteString("declaredAs", test.DeclaredAs);
                    }

                    json.WriteString("fingerprint", test.Fingerprint);
                    json.WriteStartArray("criteria");
                    foreach (var criterion in test.Criteria ?? ["CART-1"])
                    {
                        json.WriteStringValue(criterion);
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    // As the contract of early flake detection writes them (docs/files.md).
    private static void WriteReruns(Utf8JsonWriter json, T test)
    {
        if (test.Reruns is not { } reruns)
        {
            return;
        }

        json.WriteStartArray("reruns");
        foreach (var outcome in reruns)
        {
            json.WriteStartObject();
            json.WriteString("outcome", outcome);
            json.WriteNumber("durationMs", 2.1);
            if (outcome is "failed" or "error" or "timedOut")
            {
                json.WriteString("failureMessage", "Assert.Equal() Failure: expected 4, actual 5");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        string[] attempts = [test.Outcome, .. reruns];
        if (attempts.Contains("passed") && attempts.Any(a => a is "failed" or "error" or "timedOut"))
        {
            json.WriteBoolean("flaky", true);
        }
    }
}
