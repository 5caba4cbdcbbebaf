using System.Globalization;
using AgentTestGuard.FileSystem;
using AgentTestGuard.Json;

namespace AgentTestGuard.TestingPlatform.Record;

/// <summary>Writes run records, replacing the file in one step so a reader never sees half of one.</summary>
internal static class RunRecordFile
{
    public static string Serialize(RunRecordDocument document) =>
        IndentedJson.ToText(json => RunRecordWriter.Write(json, document));

    /// <summary>
    /// A name that sorts by time and does not collide with a parallel run of the same assembly
    /// (another target framework, another configuration).
    /// </summary>
    /// <remarks>
    /// The time is formatted by itself: formatted inside the interpolated string, it made every test
    /// run compile the framework's generic formatting of a DateTime, which is not precompiled.
    /// </remarks>
    public static string FileName(string assembly, DateTimeOffset startedAt) =>
        $"{assembly}.{startedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.{Guid.NewGuid().ToString("N")[..8]}{RunRecordDocument.FileSuffix}";

    /// <summary>
    /// Streams the record to the file: a 10,000-test run's record is megabytes, and building it
    /// as a string first tripled the time it took.
    /// </summary>
    public static void Write(string path, RunRecordDocument document) =>
        AtomicFile.Write(path, stream => IndentedJson.Write(stream, json => RunRecordWriter.Write(json, document)));
}
