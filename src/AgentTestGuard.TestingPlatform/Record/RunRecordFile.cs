using System.Text.Json;
using System.Text.Json.Serialization;
using AgentTestGuard.Files;

namespace AgentTestGuard.TestingPlatform.Record;

/// <summary>Writes run records, replacing the file in one step so a reader never sees half of one.</summary>
internal static class RunRecordFile
{
    public static string Serialize(RunRecordDocument document) =>
        JsonSerializer.Serialize(document, RunRecordJsonContext.Default.RunRecordDocument).ReplaceLineEndings("\n") + "\n";

    public static RunRecordDocument? Deserialize(string json) =>
        JsonSerializer.Deserialize(json, RunRecordJsonContext.Default.RunRecordDocument);

    /// <summary>
    /// A name that sorts by time and does not collide with a parallel run of the same assembly
    /// (another target framework, another configuration).
    /// </summary>
    public static string FileName(string assembly, DateTimeOffset startedAt) =>
        $"{assembly}.{startedAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}.{Guid.NewGuid().ToString("N")[..8]}{RunRecordDocument.FileSuffix}";

    /// <summary>
    /// Streams the record to the file: a 10,000-test run's record is megabytes, and building it
    /// as a string first, then normalizing its line endings, tripled the time it took. Where the
    /// runtime's own line ending is not "\n" (Windows), the string path keeps the file identical.
    /// </summary>
    public static void Write(string path, RunRecordDocument document)
    {
        if (Environment.NewLine != "\n")
        {
            AtomicFile.WriteAllText(path, Serialize(document));
            return;
        }

        AtomicFile.Write(path, stream =>
        {
            JsonSerializer.Serialize(stream, document, RunRecordJsonContext.Default.RunRecordDocument);
            stream.WriteByte((byte)'\n');
        });
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(RunRecordDocument))]
internal sealed partial class RunRecordJsonContext : JsonSerializerContext;
