using System.Text;
using System.Text.Json;
using AgentTestGuard.FileSystem;
using AgentTestGuard.TestingPlatform.Results;

namespace AgentTestGuard.TestingPlatform.Reruns;

/// <summary>
/// The results a rerun child writes for its parent: one JSON object per line (uid, id, display name,
/// outcome, duration, failure message), written in one step when the child's session ends.
/// </summary>
internal static class RerunResultsFile
{
    public static void Write(string path, IReadOnlyList<TestResult> results) =>
        AtomicFile.Write(path, stream =>
        {
            using var json = new Utf8JsonWriter(stream);
            foreach (var result in results)
            {
                json.WriteStartObject();
                json.WriteString("uid", result.Uid ?? string.Empty);
                json.WriteString("id", result.Id);
                json.WriteString("displayName", result.DisplayName);
                json.WriteString("outcome", result.Outcome.ToRecordName());
                if (result.Duration is { } duration)
                {
                    json.WriteNumber("durationMs", duration.TotalMilliseconds);
                }

                if (result.FailureMessage is { } message)
                {
                    json.WriteString("failureMessage", message);
                }

                json.WriteEndObject();
                json.Flush();
                json.Reset();
                stream.WriteByte((byte)'\n');
            }
        });

    /// <summary>The results in the file; null with a reason when it is missing or unreadable.</summary>
    public static (IReadOnlyList<RerunResult>? Results, string? Problem) Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"the test app wrote no results ({e.Message})");
        }

        var results = new List<RerunResult>(lines.Length);
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                var outcome = TestOutcomeExtensions.FromRecordName(root.GetProperty("outcome").GetString());
                if (outcome is null)
                {
                    continue;
                }

                results.Add(new RerunResult(
                    root.GetProperty("uid").GetString() ?? string.Empty,
                    root.GetProperty("id").GetString() ?? string.Empty,
                    root.GetProperty("displayName").GetString() ?? string.Empty,
                    outcome.Value,
                    root.TryGetProperty("durationMs", out var duration) ? TimeSpan.FromMilliseconds(duration.GetDouble()) : null,
                    root.TryGetProperty("failureMessage", out var message) ? message.GetString() : null));
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
            {
                return (null, "the test app's results could not be read");
            }
        }

        return (results, null);
    }
}
