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

    public static void Write(string path, RunRecordDocument document) =>
        AtomicFile.WriteAllText(path, Serialize(document));
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(RunRecordDocument))]
internal sealed partial class RunRecordJsonContext : JsonSerializerContext;
