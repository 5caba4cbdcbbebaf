using System.Text;
using AgentTestGuard.Configuration;
using AgentTestGuard.Diagnostics;
using AgentTestGuard.FileSystem;
using AgentTestGuard.Json;
using AgentTestGuard.LineFiles;

namespace AgentTestGuard.Incidents;

/// <summary>
/// The incident log, agenttestguard.incidents.jsonl: one JSON object per line, oldest first (then
/// by assembly and test), so that new incidents are appended at the end and two branches adding
/// some merge cleanly with <c>merge=union</c> in .gitattributes. Lines starting with <c>//</c> and
/// blank lines are ignored. Format: docs/files.md.
/// </summary>
internal static class IncidentLog
{
    private const string Header =
        "// AgentTestGuard incidents: one line per rejected agent test or other agent mistake, oldest first. Reviewed like code; see docs/files.md.";

    private static readonly string[] Keys = ["kind", "assembly", "test", "fingerprint", "agent", "by", "at", "reason"];

    /// <summary>Reads a log; null when it has errors, which are in <paramref name="diagnostics"/>.</summary>
    public static IReadOnlyList<Incident>? Load(string path, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var reader = new ConfigurationFileReader(path, Descriptors.MalformedIncidentLog);
        var incidents = JsonLines.ReadEntries(reader, (entry, line) => Read(reader, entry, line));
        diagnostics = reader.Diagnostics;
        return reader.HasErrors ? null : incidents;
    }

    /// <summary>Writes the log atomically, one line per incident, in the stable order.</summary>
    public static void Write(string path, IEnumerable<Incident> incidents) =>
        AtomicFile.WriteAllText(path, Serialize(incidents));

    /// <summary>
    /// Changes the log under its <see cref="FileLock"/>: <paramref name="change"/> gets the current
    /// incidents (none when the file does not exist) and returns the ones to keep (the same records)
    /// and new ones, usually the same plus one. Only their lines change: a new incident goes in at its
    /// place in time (at the end of a log that is not in order), one left out loses its line; every
    /// other byte stays. Nothing is written, and false returned, when the log has any finding, which
    /// is then in <paramref name="diagnostics"/>.
    /// </summary>
    /// <exception cref="FileLockTimeoutException">Another command held the lock for the whole <paramref name="lockTimeout"/>.</exception>
    public static bool Update(
        string path,
        Func<IReadOnlyList<Incident>, IEnumerable<Incident>> change,
        out IReadOnlyList<Diagnostic> diagnostics,
        TimeSpan? lockTimeout = null) =>
        LockedUpdate.Apply(path, Load, change, Format, lockTimeout, out diagnostics);

    public static string Serialize(IEnumerable<Incident> incidents)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var incident in incidents.Order(Format.Order))
        {
            text.Append(SerializeLine(incident)).Append('\n');
        }

        return text.ToString();
    }

    // By time first, so a new incident goes last; the rest only makes the order total, so the
    // same incidents give the same file whatever order they come in.
    private static readonly LineFileFormat<Incident> Format = new(
        i => i.Line,
        null,
        SerializeLine,
        Comparer<Incident>.Create((x, y) =>
        {
            var byTime = x.At.UtcDateTime.CompareTo(y.At.UtcDateTime);
            if (byTime != 0)
            {
                return byTime;
            }

            return new[]
            {
                string.CompareOrdinal(x.Assembly ?? "", y.Assembly ?? ""),
                string.CompareOrdinal(x.Test ?? "", y.Test ?? ""),
                x.Kind.CompareTo(y.Kind),
                string.CompareOrdinal(x.Agent, y.Agent),
                string.CompareOrdinal(x.By, y.By),
                string.CompareOrdinal(x.Fingerprint ?? "", y.Fingerprint ?? ""),
                string.CompareOrdinal(x.Reason, y.Reason),
            }.FirstOrDefault(c => c != 0);
        }),
        Header);

    /// <summary>
    /// The latest rejection of the test as it is now: one for the same assembly, test and
    /// fingerprint. Null when there is none, which includes a test changed since it was rejected:
    /// the agent's new attempt deserves a new review.
    /// </summary>
    public static Incident? CurrentRejection(IEnumerable<Incident> incidents, string assembly, string test, string fingerprint) =>
        incidents
            .Where(i => i.Kind == IncidentKind.Rejection && i.Assembly == assembly && i.Test == test && i.Fingerprint == fingerprint)
            .MaxBy(i => i.At);

    private static string SerializeLine(Incident incident) =>
        JsonLines.SerializeObject(json =>
        {
            json.WriteString("kind", KindName(incident.Kind));
            WriteIfAny("assembly", incident.Assembly);
            WriteIfAny("test", incident.Test);
            WriteIfAny("fingerprint", incident.Fingerprint);
            json.WriteString("agent", incident.Agent);
            json.WriteString("by", incident.By);
            json.WriteString("at", JsonLines.FormatUtc(incident.At));
            json.WriteString("reason", incident.Reason);

            void WriteIfAny(string name, string? value)
            {
                if (value is { Length: > 0 })
                {
                    json.WriteString(name, value);
                }
            }
        });

    /// <summary>The kind as the log and the tool write it.</summary>
    public static string KindName(IncidentKind kind) => kind switch
    {
        IncidentKind.Rejection => "rejection",
        IncidentKind.Mistake => "mistake",
        IncidentKind.FalseAlarm => "false-alarm",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown incident kind."),
    };

    private static Incident? Read(ConfigurationFileReader reader, JsonObjectNode entry, int line)
    {
        reader.WarnUnknownKeys(entry, Keys);
        var kind = ReadKind(reader, entry);

        // A rejection or a false alarm is of one version of one test; a mistake may be about no test at all.
        var ofOneTest = kind is IncidentKind.Rejection or IncidentKind.FalseAlarm;
        var what = kind == IncidentKind.FalseAlarm ? "a false alarm" : "a rejection";
        string? Named(string name, string needs) =>
            ofOneTest ? reader.RequiredString(entry, name, $"{what} names {needs}") : reader.OptionalString(entry, name);
        var assembly = Named("assembly", "the test assembly");
        var test = Named("test", kind == IncidentKind.FalseAlarm ? "the test's id" : "the rejected test's id");
        var fingerprint = Named("fingerprint", kind == IncidentKind.FalseAlarm ? "the fingerprint of the test as it failed" : "the fingerprint of the test as rejected");
        var agent = reader.RequiredString(entry, "agent", "the agent the incident is about");
        // A person records a rejection or a mistake and is named with an email address; a false alarm
        // is found and recorded by `dotnet agt history import`, which names itself.
        var recordedBy = reader.RequiredString(entry, "by", "who recorded it, as \"Name <email>\"");
        var by = kind == IncidentKind.FalseAlarm ? recordedBy : JsonLines.CheckIdentity(reader, entry, "by", recordedBy);
        var at = reader.RequiredString(entry, "at", "when, in UTC, as 2026-01-31T09:30:00Z");
        var reason = reader.RequiredString(entry, "reason", "why, in a few words");
        fingerprint = JsonLines.CheckFingerprint(reader, entry, fingerprint);
        if (!JsonLines.TryReadUtc(reader, entry, at, out var when))
        {
            at = null;
        }

        if (kind is not { } known || agent is null || by is null || at is null || reason is null
            || (ofOneTest && (assembly is null || test is null || fingerprint is null)))
        {
            return null;
        }

        return new Incident(known, assembly, test, fingerprint, agent, by, when, reason, line);
    }

    private static IncidentKind? ReadKind(ConfigurationFileReader reader, JsonObjectNode entry)
    {
        switch (reader.RequiredString(entry, "kind", "\"rejection\", \"mistake\" or \"false-alarm\""))
        {
            case null:
                return null;
            case "rejection":
                return IncidentKind.Rejection;
            case "mistake":
                return IncidentKind.Mistake;
            case "false-alarm":
                return IncidentKind.FalseAlarm;
            case var other:
                reader.Error(ConfigurationFileReader.Find(entry, "kind")!.Value, $"'kind' must be \"rejection\", \"mistake\" or \"false-alarm\", not '{Inert.Quote(other)}'.");
                return null;
        }
    }
}
