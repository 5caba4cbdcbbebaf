using System.Globalization;
using System.Text.Json;
using AgentTestGuard.History.Records;

namespace AgentTestGuard.Tool.Report.Sources;

/// <summary>
/// Reads a run record for the report. The history's reader (<see cref="RunRecordReader"/>) decides
/// what a readable record is and where one is broken; this one adds what the history does not keep.
/// </summary>
internal static class RunRecordDetailsReader
{
    /// <returns>null, with the problem (file and position), for a record the history would refuse too.</returns>
    public static RunRecordDetails? Read(string path, out RecordProblem? problem)
    {
        if (RunRecordReader.ReadBytes(path, out problem) is not { } bytes
            || RunRecordReader.Read(path, bytes, out problem) is not { } run)
        {
            return null;
        }

        using var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        var verdict = root.TryGetProperty("verdict", out var v) && v.ValueKind == JsonValueKind.Object ? v : default;
        var tests = new List<RunRecordTest>();
        foreach (var test in root.GetProperty("tests").EnumerateArray())
        {
            if (String(test, "agent") is null)
            {
                continue;
            }

            tests.Add(new RunRecordTest(
                String(test, "declaredAs") ?? String(test, "id")!,
                String(test, "outcome")!,
                Number(test, "attempts") ?? 1,
                String(test, "failureMessage"),
                String(test, "classification") ?? "quarantined")
            {
                DisplayName = String(test, "displayName"),
                RanAs = String(test, "declaredAs") is null ? null : String(test, "id"),
                Fingerprint = String(test, "fingerprint"),
                Reruns = Reruns(test),
                Flaky = Boolean(test, "flaky"),
            });
        }

        return new RunRecordDetails(
            Path.GetFullPath(path), run.RunId, run.Assembly, run.Environment, run.Revision, run.StartedAt, run.FinishedAt,
            Boolean(root, "enforce"), Boolean(verdict, "enforceFailed"), Number(verdict, "gatingFailures") ?? 0, Number(verdict, "quarantinedFailures") ?? 0, tests);
    }

    /// <summary>
    /// The record's assembly and start without reading its tests (they come after both), to pick the
    /// latest records of each assembly among many; null when the record does not say (the full read reports why).
    /// </summary>
    public static (string Assembly, DateTimeOffset StartedAt)? Header(string path)
    {
        try
        {
            // The header is well within the first 64 KB: the tests come last.
            using var stream = File.OpenRead(path);
            var buffer = new byte[Math.Min(stream.Length, 64 * 1024)];
            stream.ReadExactly(buffer);
            var reader = new Utf8JsonReader(buffer, isFinalBlock: false, state: default);
            string? assembly = null;
            DateTimeOffset? started = null;
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName && !reader.ValueTextEquals("tests"u8))
            {
                var name = reader.GetString();
                if (!reader.Read())
                {
                    break;
                }

                if (name == "assembly" && reader.TokenType == JsonTokenType.String)
                {
                    assembly = reader.GetString();
                }
                else if (name == "startedAt" && reader.TokenType == JsonTokenType.String
                    && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time))
                {
                    started = time;
                }
                else if (!reader.TrySkip())
                {
                    break;
                }
            }

            return assembly is not null && started is not null ? (assembly, started.Value) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>The test's reruns (docs/files.md#run-record); an entry without an outcome is left out.</summary>
    private static List<RunRecordRerun> Reruns(JsonElement test)
    {
        if (!test.TryGetProperty("reruns", out var reruns) || reruns.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var list = new List<RunRecordRerun>();
        foreach (var rerun in reruns.EnumerateArray())
        {
            if (String(rerun, "outcome") is { } outcome)
            {
                var duration = rerun.ValueKind == JsonValueKind.Object && rerun.TryGetProperty("durationMs", out var d) && d.ValueKind == JsonValueKind.Number ? d.GetDouble() : 0;
                list.Add(new RunRecordRerun(outcome, duration, String(rerun, "failureMessage")));
            }
        }

        return list;
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : null;

    private static bool Boolean(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
