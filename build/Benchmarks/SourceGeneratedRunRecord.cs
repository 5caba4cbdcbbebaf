using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using AgentTestGuard.TestingPlatform.Record;

namespace AgentTestGuard.Benchmarks;

/// <summary>
/// The run record (docs/files.md, *.agentrun.json) written by System.Text.Json's source generator,
/// the plain alternative to the extension's RunRecordWriter and PlainRecordLine, timed against them
/// by <see cref="RunRecordSerializerTiming"/>. It writes the same bytes, which the serializer alone
/// cannot: indented, it would spread each test over a dozen lines, and the format has one test per
/// line. A converter of the tests array therefore serializes each test compactly (with a second,
/// unindented context) and copies it in as a raw value, as the hand-written writer does. The
/// document's other properties are a record that mirrors the JSON, mapped from
/// <see cref="RunRecordDocument"/> as part of what is timed (its order differs: the exit codes, an
/// init property, would come last, and an empty list would be written rather than left out).
/// </summary>
internal static class SourceGeneratedRunRecord
{
    public static void Write(Stream stream, RunRecordDocument document)
    {
        var json = new RunRecordJson(
            document.SchemaVersion, document.Generator, document.RunId, document.Assembly, document.Inventory, document.Environment,
            document.EnvironmentAllowsUnreviewedTests, document.Enforce, document.IgnoredExitCodes.Count > 0 ? document.IgnoredExitCodes : null,
            document.Machine, document.CodeRevision, document.StartedAt, document.FinishedAt, document.Owner, document.Verdict, document.Tests);
        JsonSerializer.Serialize(stream, json, RunRecordJsonContext.Default.RunRecordJson);
        stream.WriteByte((byte)'\n');
    }
}

internal sealed record RunRecordJson(
    int SchemaVersion, string Generator, string RunId, string Assembly, string? Inventory, string Environment,
    bool EnvironmentAllowsUnreviewedTests, bool Enforce, IReadOnlyList<int>? IgnoredExitCodes, string Machine,
    CodeRevision? CodeRevision, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, string? Owner, RunRecordVerdict Verdict,
    [property: JsonConverter(typeof(OneTestPerLine))] IReadOnlyList<RunRecordTest> Tests);

/// <summary>The tests array with each test on a line of its own, the layout the serializer has no option for.</summary>
internal sealed class OneTestPerLine : JsonConverter<IReadOnlyList<RunRecordTest>>
{
    public override IReadOnlyList<RunRecordTest> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("the benchmark only writes records");

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<RunRecordTest> value, JsonSerializerOptions options)
    {
        var line = new ArrayBufferWriter<byte>(512);
        using var lineJson = new Utf8JsonWriter(line);
        writer.WriteStartArray();
        for (var i = 0; i < value.Count; i++)
        {
            // The indented writer does not indent a raw value: the line brings its own break and indentation.
            line.ResetWrittenCount();
            line.Write("\n    "u8);
            lineJson.Reset(line);
            JsonSerializer.Serialize(lineJson, value[i], RunRecordLineJsonContext.Default.RunRecordTest);
            lineJson.Flush();
            writer.WriteRawValue(line.WrittenSpan, skipInputValidation: true);
        }

        writer.WriteEndArray();
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    NewLine = "\n")]
[JsonSerializable(typeof(RunRecordJson))]
internal sealed partial class RunRecordJsonContext : JsonSerializerContext;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RunRecordTest))]
internal sealed partial class RunRecordLineJsonContext : JsonSerializerContext;
