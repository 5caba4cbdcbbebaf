using System.Buffers;
using System.Text.Json;
using AgentTestGuard.Json;

namespace AgentTestGuard.TestingPlatform.Record;

/// <summary>
/// Writes a run record in the documented order (docs/files.md); absent (null) values are left out.
/// Each test is one line, so a record can be searched and compared line by line.
/// Written by hand with the JSON writer rather than the serializer, whose first use in a test run
/// compiled a few hundred methods, more time than writing the record itself.
/// </summary>
/// <remarks>
/// A test run writes one record per process, so the first write is what counts, and there
/// System.Text.Json's source generator (writing the same bytes, with a converter for the one test
/// per line) is measurably slower: build/benchmark-record.sh, 2026-12-06, 2-core machine, three
/// fresh processes each, first write by hand against generated: 50 tests 26-71 against 71-153 ms,
/// 2,000 tests 31-44 against 67-82 ms, 10,007 tests 52-86 against 98-110 ms (docs/overhead.md).
/// </remarks>
internal static class RunRecordWriter
{
    // The writer keeps what it writes until flushed: a large record is handed to the file in pieces
    // of about this size rather than held whole (a 10,000-test record is over a megabyte). The
    // writer's buffer doubles to hold a piece, and a piece of 64 KB made it 128 KB, an array on the
    // large object heap, whose budget, once spent, costs a full collection.
    private const int FlushAtBytes = 16 * 1024;

    // A test's line inside the "tests" array, which is two levels deep.
    private static ReadOnlySpan<byte> LineStart => "\n    "u8;

    // Property names of a test, encoded once: a large run writes each of them tens of thousands of times.
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText DisplayName = JsonEncodedText.Encode("displayName");
    private static readonly JsonEncodedText Outcome = JsonEncodedText.Encode("outcome");
    private static readonly JsonEncodedText DurationMs = JsonEncodedText.Encode("durationMs");
    private static readonly JsonEncodedText FailureMessage = JsonEncodedText.Encode("failureMessage");
    private static readonly JsonEncodedText Attempts = JsonEncodedText.Encode("attempts");
    private static readonly JsonEncodedText Classification = JsonEncodedText.Encode("classification");
    private static readonly JsonEncodedText Approval = JsonEncodedText.Encode("approval");
    private static readonly JsonEncodedText Agent = JsonEncodedText.Encode("agent");
    private static readonly JsonEncodedText DeclaredAs = JsonEncodedText.Encode("declaredAs");
    private static readonly JsonEncodedText Fingerprint = JsonEncodedText.Encode("fingerprint");

    public static void Write(Utf8JsonWriter json, RunRecordDocument record)
    {
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", record.SchemaVersion);
        json.WriteString("generator", record.Generator);
        json.WriteString("runId", record.RunId);
        json.WriteString("assembly", record.Assembly);
        json.WriteOptionalString("inventory", record.Inventory);
        json.WriteString("environment", record.Environment);
        json.WriteBoolean("environmentAllowsUnreviewedTests", record.EnvironmentAllowsUnreviewedTests);
        json.WriteBoolean("enforce", record.Enforce);
        if (record.IgnoredExitCodes.Count > 0)
        {
            json.WriteStartArray("ignoredExitCodes");
            foreach (var code in record.IgnoredExitCodes)
            {
                json.WriteNumberValue(code);
            }

            json.WriteEndArray();
        }

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
        if (record.Reruns is { } reruns)
        {
            json.WriteStartObject("reruns");
            json.WriteNumber("requested", reruns.Requested);
            json.WriteNumber("budgetSeconds", reruns.BudgetSeconds);
            json.WriteNumber("rounds", reruns.Rounds);
            if (reruns.Stopped is { } stopped)
            {
                json.WriteString("stopped", stopped);
            }
            else
            {
                json.WriteNull("stopped");
            }

            json.WriteEndObject();
        }

        json.WriteStartArray("tests");
        WriteTests(json, record.Tests);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// Each test as one line of compact JSON, made in a buffer of its own (the document's writer
    /// indents) and copied in as a raw value: by <see cref="PlainRecordLine"/> where no string needs
    /// escaping, else by the JSON writer.
    /// </summary>
    private static void WriteTests(Utf8JsonWriter json, IReadOnlyList<RunRecordTest> tests)
    {
        var line = new ArrayBufferWriter<byte>(512);
        using var lineJson = new Utf8JsonWriter(line);
        // By index: each test is described as it is read (RunRecordBuilder), into a local.
        for (var i = 0; i < tests.Count; i++)
        {
            var test = tests[i];
            // The writer does not indent raw values: each line brings its own break and indentation.
            // The buffer is reused as it is; clearing would zero the bytes just copied out, every line.
            line.ResetWrittenCount();
            line.Write(LineStart);
            if (!PlainRecordLine.TryWrite(line, in test))
            {
                lineJson.Reset(line);
                WriteTest(lineJson, in test);
                lineJson.Flush();
            }

            json.WriteRawValue(line.WrittenSpan, skipInputValidation: true);
            if (json.BytesPending >= FlushAtBytes)
            {
                json.Flush();
            }
        }
    }

    internal static void WriteTest(Utf8JsonWriter json, in RunRecordTest test)
    {
        json.WriteStartObject();
        json.WriteString(Id, test.Id);
        json.WriteOptionalString(DisplayName, test.DisplayName);
        json.WriteString(Outcome, test.Outcome);
        if (test.DurationMs is { } duration)
        {
            json.WriteNumber(DurationMs, duration);
        }

        json.WriteOptionalString(FailureMessage, test.FailureMessage);
        json.WriteNumber(Attempts, test.Attempts);
        if (test.Reruns is { } reruns)
        {
            json.WriteStartArray("reruns");
            foreach (var rerun in reruns)
            {
                json.WriteStartObject();
                json.WriteString(Outcome, rerun.Outcome);
                if (rerun.DurationMs is { } rerunDuration)
                {
                    json.WriteNumber(DurationMs, rerunDuration);
                }

                json.WriteOptionalString(FailureMessage, rerun.FailureMessage);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (test.Flaky == true)
        {
            json.WriteBoolean("flaky", true);
        }

        json.WriteString(Classification, test.Classification);
        json.WriteOptionalString(Approval, test.Approval);
        json.WriteOptionalString(Agent, test.Agent);
        json.WriteOptionalString(DeclaredAs, test.DeclaredAs);
        json.WriteOptionalString(Fingerprint, test.Fingerprint);
        if (test.Criteria is { } criteria)
        {
            json.WriteStrings("criteria", criteria);
        }

        json.WriteEndObject();
    }
}
