using System.Text;
using AgentTestGuard.Configuration;
using AgentTestGuard.Diagnostics;
using AgentTestGuard.FileSystem;
using AgentTestGuard.Json;
using AgentTestGuard.LineFiles;

namespace AgentTestGuard.Decisions;

/// <summary>
/// The stop-rule decisions, agenttestguard.decisions.jsonl: one JSON object per line, oldest first,
/// kept in the repository beside the ledger and reviewed like it. Format: docs/files.md.
/// </summary>
internal static class DecisionLog
{
    public const string FileName = "agenttestguard.decisions.jsonl";

    private const string Header =
        "// AgentTestGuard stop-rule decisions: one line per human decision to stop or continue an agent, oldest first. Reviewed like code; see docs/files.md.";

    private static readonly string[] Keys = ["decision", "agent", "by", "at", "reason"];

    /// <summary>Reads the file; null when it has errors, which are in <paramref name="diagnostics"/>.</summary>
    public static IReadOnlyList<AgentDecision>? Load(string path, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var reader = new ConfigurationFileReader(path, Descriptors.MalformedDecisions);
        var decisions = JsonLines.ReadEntries(reader, (entry, line) => Read(reader, entry, line));
        diagnostics = reader.Diagnostics;
        return reader.HasErrors ? null : decisions;
    }

    /// <summary>Changes the file under its lock, as <see cref="Incidents.IncidentLog.Update"/> does.</summary>
    public static bool Update(
        string path,
        Func<IReadOnlyList<AgentDecision>, IEnumerable<AgentDecision>> change,
        out IReadOnlyList<Diagnostic> diagnostics,
        TimeSpan? lockTimeout = null) =>
        LockedUpdate.Apply(path, Load, change, Format, lockTimeout, out diagnostics);

    public static void Write(string path, IEnumerable<AgentDecision> decisions) =>
        AtomicFile.WriteAllText(path, Serialize(decisions));

    public static string Serialize(IEnumerable<AgentDecision> decisions)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var decision in decisions.Order(Format.Order))
        {
            text.Append(SerializeLine(decision)).Append('\n');
        }

        return text.ToString();
    }

    // By time first, so a new decision goes last; the rest only makes the order total. A change
    // edits only its own lines (LineFileChange), as in the ledger and the incident log.
    private static readonly LineFileFormat<AgentDecision> Format = new(
        d => d.Line,
        null,
        SerializeLine,
        Comparer<AgentDecision>.Create((x, y) =>
            new[]
            {
                x.At.UtcDateTime.CompareTo(y.At.UtcDateTime),
                string.CompareOrdinal(x.Agent, y.Agent),
                x.Stop.CompareTo(y.Stop),
                string.CompareOrdinal(x.By, y.By),
                string.CompareOrdinal(x.Reason, y.Reason),
            }.FirstOrDefault(c => c != 0)),
        Header);

    private static string SerializeLine(AgentDecision decision) =>
        JsonLines.SerializeObject(json =>
        {
            json.WriteString("decision", decision.Stop ? "stop" : "continue");
            json.WriteString("agent", decision.Agent);
            json.WriteString("by", decision.By);
            json.WriteString("at", JsonLines.FormatUtc(decision.At));
            json.WriteString("reason", decision.Reason);
        });

    private static AgentDecision? Read(ConfigurationFileReader reader, JsonObjectNode entry, int line)
    {
        reader.WarnUnknownKeys(entry, Keys);
        var decision = reader.RequiredString(entry, "decision", "\"stop\" or \"continue\"");
        var agent = reader.RequiredString(entry, "agent", "the agent decided about");
        var by = reader.RequiredString(entry, "by", "who decided, as \"Name <email>\"");
        var at = reader.RequiredString(entry, "at", "when, in UTC, as 2026-01-31T09:30:00Z");
        var reason = reader.RequiredString(entry, "reason", "why, in a few words");
        if (decision is not null and not "stop" and not "continue")
        {
            reader.Error(ConfigurationFileReader.Find(entry, "decision")!.Value, $"'decision' must be \"stop\" or \"continue\", not '{Inert.Quote(decision)}'.");
            decision = null;
        }

        if (!JsonLines.TryReadUtc(reader, entry, at, out var when))
        {
            at = null;
        }

        return decision is null || agent is null || by is null || at is null || reason is null
            ? null
            : new AgentDecision(agent, decision == "stop", by, when, reason, line);
    }
}
