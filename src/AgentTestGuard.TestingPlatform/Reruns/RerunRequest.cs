using System.Text.Json;
using AgentTestGuard.FileSystem;
using AgentTestGuard.Json;

namespace AgentTestGuard.TestingPlatform.Reruns;

/// <summary>
/// What the test run asks of a rerun child: the test nodes to run again, by uid, and where to write
/// their results. The parent writes it to a file and names the file in <see cref="Variable"/>; a test
/// app started with that variable is a rerun child (docs/run-time.md, Early flake detection).
/// </summary>
internal sealed record RerunRequest(string ResultsPath, IReadOnlyList<string> Uids)
{
    /// <summary>Names the request file; set only in the environment of a rerun child.</summary>
    public const string Variable = "AGENTTESTGUARD_RERUN_REQUEST";

    public void Write(string path) =>
        AtomicFile.Write(path, stream => IndentedJson.Write(stream, json =>
        {
            json.WriteStartObject();
            json.WriteString("results", ResultsPath);
            json.WriteStrings("uids", Uids);
            json.WriteEndObject();
        }));

    /// <summary>The request in the file; null when it cannot be read (then the child runs nothing).</summary>
    public static RerunRequest? TryRead(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            var results = root.GetProperty("results").GetString();
            var uids = root.GetProperty("uids").EnumerateArray().Select(u => u.GetString()).OfType<string>().ToList();
            return string.IsNullOrEmpty(results) ? null : new RerunRequest(results, uids);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return null;
        }
    }
}
