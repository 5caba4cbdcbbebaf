using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace AgentTestGuard.History.Records;

/// <summary>
/// Reads a run record (<c>*.agentrun.json</c>, docs/files.md) into what the history keeps. A record
/// that is not JSON (corrupt, cut off by a killed writer) is reported with its line and column; one
/// that is JSON but lacks what the history needs, with the JSON path of what is missing.
/// </summary>
internal static class RunRecordReader
{
    public const string FileSuffix = ".agentrun.json";

    public static RecordedRun? Read(string path, out RecordProblem? problem) =>
        ReadBytes(path, out problem) is { } bytes ? Read(path, bytes, out problem) : null;

    /// <returns>The file's bytes; null, with the problem, when it cannot be read.</returns>
    public static byte[]? ReadBytes(string path, out RecordProblem? problem)
    {
        problem = null;
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = new RecordProblem(path, "1,1", $"cannot be read: {e.Message}");
            return null;
        }
    }

    public static RecordedRun? Read(string path, byte[] bytes, out RecordProblem? problem)
    {
        problem = null;
        if (RunRecordStream.TryRead(bytes) is { } run)
        {
            return run;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return new Fields(path, bytes).Run(document.RootElement, out problem);
        }
        catch (JsonException e)
        {
            // The reader counts from 0; editors, and every other position the product reports, from 1.
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            problem = new RecordProblem(path, $"{line},{column}", $"is not a complete run record: {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// The record's run id without reading its tests: <c>runId</c> comes before them. For a record
    /// without one (or not JSON at all), the id derived from its bytes, which a full read gives too.
    /// </summary>
    public static string RunIdOf(byte[] bytes)
    {
        try
        {
            var reader = new Utf8JsonReader(bytes);
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isRunId = reader.ValueTextEquals("runId"u8);
                    reader.Read();
                    if (isRunId && reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } id)
                    {
                        return id;
                    }

                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON, or cut off before its id: the full read reports it.
        }

        return DerivedRunId(bytes);
    }

    /// <summary>
    /// The id of a record written before records carried one: the same bytes give the same id, so
    /// offering the same file twice still imports it once.
    /// </summary>
    public static string DerivedRunId(byte[] bytes) =>
        Convert.ToHexString(SHA256.HashData(bytes), 0, 16).ToLowerInvariant();

    private sealed class Fields(string path, byte[] bytes)
    {
        private string? _missing;

        public RecordedRun? Run(JsonElement root, out RecordProblem? problem)
        {
            var run = ReadRun(root);
            problem = _missing is null ? null : new RecordProblem(path, _missing, "lacks what the history needs here, or holds a value of the wrong kind");
            return _missing is null ? run : null;
        }

        private RecordedRun? ReadRun(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Missing<RecordedRun>("$");
            }

            var runId = root.TryGetProperty("runId", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } given
                ? given
                : DerivedRunId(bytes);
            var assembly = String(root, "assembly", "$");
            var environment = String(root, "environment", "$");
            var machine = OptionalString(root, "machine") ?? "";
            var revision = root.TryGetProperty("codeRevision", out var code) && code.ValueKind == JsonValueKind.Object
                ? OptionalString(code, "id")
                : null;
            var started = Time(root, "startedAt");
            var finished = Time(root, "finishedAt");
            if (!root.TryGetProperty("tests", out var tests) || tests.ValueKind != JsonValueKind.Array)
            {
                return Missing<RecordedRun>("$.tests");
            }

            var results = new List<RecordedResult>();
            var index = 0;
            foreach (var test in tests.EnumerateArray())
            {
                if (ReadResult(test, $"$.tests[{index}]") is { } result)
                {
                    results.Add(result);
                }

                if (_missing is not null)
                {
                    return null;
                }

                index++;
            }

            return assembly is null || environment is null || started is null || finished is null
                ? null
                : new RecordedRun(runId, assembly, environment, revision, machine, started.Value, finished.Value, results);
        }

        /// <returns>The result of an agent test; null for any other test (and when something is missing).</returns>
        private RecordedResult? ReadResult(JsonElement test, string at)
        {
            if (test.ValueKind != JsonValueKind.Object)
            {
                return Missing<RecordedResult>(at);
            }

            var id = String(test, "id", at);
            var outcomeName = String(test, "outcome", at);
            if (id is null || outcomeName is null)
            {
                return null;
            }

            if (Outcomes.Parse(outcomeName) is not { } outcome)
            {
                return Missing<RecordedResult>($"{at}.outcome");
            }

            var agent = OptionalString(test, "agent");
            var fingerprint = OptionalString(test, "fingerprint");
            if (agent is null || fingerprint is null)
            {
                return null;
            }

            var attempts = test.TryGetProperty("attempts", out var a) && a.ValueKind == JsonValueKind.Number && a.TryGetInt32(out var n) ? n : 1;
            if (Listed(test, at, outcome) is not { } listed)
            {
                return null;
            }

            var displayName = OptionalString(test, "displayName");
            var declaredAs = OptionalString(test, "declaredAs");
            var criteria = new List<string>();
            if (test.TryGetProperty("criteria", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                criteria.AddRange(list.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.String).Select(c => c.GetString()!));
                criteria.Sort(StringComparer.Ordinal);
            }

            // An inherited test ran as a test of the inheriting class: that class's id tells its runs apart.
            var testCase = declaredAs is null ? displayName ?? "" : displayName ?? id;
            return new RecordedResult(declaredAs ?? id, testCase, agent, fingerprint, criteria, outcome, attempts, listed);
        }

        /// <summary>
        /// What the attempts included: the first outcome and each of <c>reruns</c> when present; a
        /// <c>flaky: true</c> says a pass and a failure. None (read as before reruns) without either.
        /// </summary>
        /// <returns>null when <c>reruns</c> is not a list of attempts with known outcomes.</returns>
        private AttemptOutcomes? Listed(JsonElement test, string at, Outcome first)
        {
            var listed = AttemptOutcomes.None;
            if (test.TryGetProperty("reruns", out var reruns))
            {
                if (reruns.ValueKind != JsonValueKind.Array)
                {
                    Missing<string>($"{at}.reruns");
                    return null;
                }

                listed = listed.With(first);
                var index = 0;
                foreach (var rerun in reruns.EnumerateArray())
                {
                    if (rerun.ValueKind != JsonValueKind.Object || Outcomes.Parse(OptionalString(rerun, "outcome")) is not { } outcome)
                    {
                        Missing<string>($"{at}.reruns[{index}].outcome");
                        return null;
                    }

                    listed = listed.With(outcome);
                    index++;
                }
            }

            return test.TryGetProperty("flaky", out var flaky) && flaky.ValueKind == JsonValueKind.True ? listed | Attempts.Flaky : listed;
        }

        private string? String(JsonElement element, string name, string at) =>
            OptionalString(element, name) ?? Missing<string>($"{at}.{name}");

        private static string? OptionalString(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private DateTimeOffset? Time(JsonElement root, string name)
        {
            if (OptionalString(root, name) is { } text
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time))
            {
                return time;
            }

            _missing ??= $"$.{name}";
            return null;
        }

        private T? Missing<T>(string at)
            where T : class
        {
            _missing ??= at;
            return null;
        }
    }
}
