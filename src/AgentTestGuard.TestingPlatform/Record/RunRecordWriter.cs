using System.Buffers;
using System.Text.Json;
using AgentTestGuard.Files;

namespace AgentTestGuard.TestingPlatform.Record;

/// <summary>
/// Writes a run record in the documented order (docs/files.md); absent (null) values are left out.
/// Each test is one line, so a record can be searched and compared line by line.
/// Written by hand with the JSON writer rather than the serializer, whose first use in a test run
/// compiled a few hundred methods, more time than writing the record itself.
/// </summary>
internal static class RunRecordWriter
{
    // Below this many tests, encoding them on one thread is quicker than starting others.
    private const int TestsPerThread = 2_000;

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
    private static readonly JsonEncodedText Fingerprint = JsonEncodedText.Encode("fingerprint");

    public static void Write(Utf8JsonWriter json, RunRecordDocument record)
    {
        // Encoded first, while nothing has been written: the tests are most of a record's bytes.
        var tests = EncodeTests(record.Tests);
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
        foreach (var test in tests)
        {
            json.WriteRawValue(test, skipInputValidation: true);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// Each test as compact JSON. A 10,000-test run's tests take tens of milliseconds to encode,
    /// time the run waits for at its very end, when the tests no longer use the other cores; so
    /// large runs encode them in slices, one per core.
    /// </summary>
    private static byte[][] EncodeTests(IReadOnlyList<RunRecordTest> tests)
    {
        var encoded = new byte[tests.Count][];
        var slices = Math.Clamp(tests.Count / TestsPerThread, 1, Environment.ProcessorCount);
        var sliceLength = (tests.Count + slices - 1) / slices;
        var others = new Task[slices - 1];
        for (var slice = 1; slice < slices; slice++)
        {
            var start = slice * sliceLength;
            others[slice - 1] = Task.Run(() => EncodeSlice(tests, start, Math.Min(start + sliceLength, tests.Count), encoded));
        }

        EncodeSlice(tests, 0, Math.Min(sliceLength, tests.Count), encoded);
        Task.WaitAll(others);
        return encoded;
    }

    private static void EncodeSlice(IReadOnlyList<RunRecordTest> tests, int start, int end, byte[][] encoded)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using var json = new Utf8JsonWriter(buffer);
        for (var i = start; i < end; i++)
        {
            // The writer does not indent raw values: each line brings its own break and indentation.
            buffer.Clear();
            buffer.Write(LineStart);
            json.Reset(buffer);
            WriteTest(json, tests[i]);
            json.Flush();
            encoded[i] = buffer.WrittenSpan.ToArray();
        }
    }

    private static void WriteTest(Utf8JsonWriter json, RunRecordTest test)
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
        json.WriteString(Classification, test.Classification);
        json.WriteOptionalString(Approval, test.Approval);
        json.WriteOptionalString(Agent, test.Agent);
        json.WriteOptionalString(Fingerprint, test.Fingerprint);
        if (test.Criteria is { } criteria)
        {
            json.WriteStrings("criteria", criteria);
        }

        json.WriteEndObject();
    }
}
