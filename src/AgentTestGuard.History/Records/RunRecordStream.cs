using System.Globalization;
using System.Text.Json;

namespace AgentTestGuard.History.Records;

/// <summary>
/// The fast path of <see cref="RunRecordReader"/>: one forward pass over a well-formed record, with
/// no document in memory. Reading a 10,000-test record as a JsonDocument and looking each field up
/// by name took most of an import's time (build/benchmark-history.sh). Anything unexpected (a
/// missing or mistyped field, a key twice, JSON that does not parse) gives null, and the reader
/// then takes the document path, which says what is wrong and where: both agree on every record
/// this one accepts.
/// </summary>
internal static partial class RunRecordStream
{
    public static RecordedRun? TryRead(byte[] bytes)
    {
        try
        {
            var reader = new Utf8JsonReader(bytes);
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject ? ReadRun(ref reader, bytes) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static RecordedRun? ReadRun(ref Utf8JsonReader reader, byte[] bytes)
    {
        string? runId = null, assembly = null, environment = null, machine = null, revision = null, started = null, finished = null;
        List<RecordedResult>? results = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (!seen.Add(name))
            {
                return null;
            }

            switch (name)
            {
                case "runId": runId = StringOrNull(ref reader); break;
                case "assembly": assembly = StringOrNull(ref reader); break;
                case "environment": environment = StringOrNull(ref reader); break;
                case "machine": machine = StringOrNull(ref reader); break;
                case "startedAt": started = StringOrNull(ref reader); break;
                case "finishedAt": finished = StringOrNull(ref reader); break;
                case "codeRevision" when reader.TokenType == JsonTokenType.StartObject:
                    if (!OneString(ref reader, "id"u8, out revision))
                    {
                        return null;
                    }

                    break;
                case "tests" when reader.TokenType == JsonTokenType.StartArray:
                    results = ReadTests(ref reader);
                    if (results is null)
                    {
                        return null;
                    }

                    break;
                default: reader.Skip(); break;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read() || assembly is null || environment is null || results is null
            || Time(started) is not { } startedAt || Time(finished) is not { } finishedAt)
        {
            return null;
        }

        return new RecordedRun(runId is { Length: > 0 } ? runId : RunRecordReader.DerivedRunId(bytes), assembly, environment, revision, machine ?? "", startedAt, finishedAt, results);
    }

    /// <summary>Reads an object for one key's string value (null when absent or not a string).</summary>
    /// <returns>false when the key is there twice: the document path says which value counts.</returns>
    private static bool OneString(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, out string? value)
    {
        value = null;
        var found = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isName = reader.ValueTextEquals(name);
            reader.Read();
            if (isName && found)
            {
                return false;
            }

            found |= isName;
            if (isName)
            {
                value = StringOrNull(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return true;
    }

    private static List<RecordedResult>? ReadTests(ref Utf8JsonReader reader)
    {
        var results = new List<RecordedResult>();
        var agents = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            string? id = null, outcome = null, agent = null, fingerprint = null, displayName = null, declaredAs = null;
            var attempts = 1;
            List<string>? criteria = null;
            AttemptOutcomes? reruns = null;
            var flaky = false;
            var fields = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = Field(ref reader);
                reader.Read();
                if (field > 0 && (fields & field) != 0)
                {
                    return null; // a key twice: the document path says which value counts
                }

                fields |= field;
                switch (field)
                {
                    case 1: id = StringOrNull(ref reader); break;
                    case 2: outcome = StringOrNull(ref reader); break;
                    case 4: agent = reader.TokenType == JsonTokenType.String ? Agent(ref reader, agents) : null; break;
                    case 8: fingerprint = StringOrNull(ref reader); break;
                    case 16: displayName = StringOrNull(ref reader); break;
                    case 32: declaredAs = StringOrNull(ref reader); break;
                    // Skip: a value of the wrong kind may be an object or a list, which the reader must step over.
                    case 64: attempts = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var n) ? n : 1; reader.Skip(); break;
                    case 128: criteria = Criteria(ref reader); break;
                    case 256:
                        reruns = Reruns(ref reader);
                        if (reruns is null)
                        {
                            return null;
                        }

                        break;
                    case 512: flaky = reader.TokenType == JsonTokenType.True; reader.Skip(); break;
                    default: reader.Skip(); break;
                }
            }

            if (id is null || Outcomes.Parse(outcome) is not { } parsed)
            {
                return null;
            }

            if (agent is null || fingerprint is null)
            {
                continue; // not an agent test
            }

            criteria ??= [];
            criteria.Sort(StringComparer.Ordinal);
            var testCase = declaredAs is null ? displayName ?? "" : displayName ?? id;
            var listed = reruns is { } rerun ? rerun.With(parsed) : AttemptOutcomes.None;
            results.Add(new RecordedResult(declaredAs ?? id, testCase, agent, fingerprint, criteria, parsed, attempts, flaky ? listed | Attempts.Flaky : listed));
        }

        return results;
    }

    private static int Field(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("id"u8) ? 1
        : reader.ValueTextEquals("outcome"u8) ? 2
        : reader.ValueTextEquals("agent"u8) ? 4
        : reader.ValueTextEquals("fingerprint"u8) ? 8
        : reader.ValueTextEquals("displayName"u8) ? 16
        : reader.ValueTextEquals("declaredAs"u8) ? 32
        : reader.ValueTextEquals("attempts"u8) ? 64
        : reader.ValueTextEquals("criteria"u8) ? 128
        : reader.ValueTextEquals("reruns"u8) ? 256
        : reader.ValueTextEquals("flaky"u8) ? 512
        : 0;

    // A suite has a few agents: each name is kept once rather than once per test.
    private static string Agent(ref Utf8JsonReader reader, List<string> agents)
    {
        foreach (var known in agents)
        {
            if (reader.ValueTextEquals(known))
            {
                return known;
            }
        }

        var agent = reader.GetString()!;
        if (agents.Count < 16)
        {
            agents.Add(agent);
        }

        return agent;
    }

    private static List<string> Criteria(ref Utf8JsonReader reader)
    {
        var criteria = new List<string>();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return criteria;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                criteria.Add(reader.GetString()!);
            }
            else
            {
                reader.Skip();
            }
        }

        return criteria;
    }

    private static string? StringOrNull(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    private static DateTimeOffset? Time(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) ? time : null;
}
