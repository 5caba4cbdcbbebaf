using System.Buffers;
using System.Text;
using System.Text.Json;
using AgentTestGuard.Tool.Report.Model;
using static AgentTestGuard.Tool.Report.Json.JsonValues;

namespace AgentTestGuard.Tool.Report.Json;

/// <summary>
/// The whole report as JSON, schema version <see cref="QuarantineReport.SchemaVersion"/> (docs/report.md).
/// Strings are escaped by the writer's default encoder: also &lt;, &gt;, &amp;, quotes and non-ASCII
/// characters, so the document is safe to embed in a page as well.
/// </summary>
internal sealed class JsonReport : IReportRenderer
{
    /// <summary>What the writer holds before it hands it on: 64 KiB writes, never the whole document.</summary>
    private const int FlushAt = 64 * 1024;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
#if NET9_0_OR_GREATER
        NewLine = "\n",
#endif
    };

    public string Option => "--json";

    public string DefaultFileName => "agenttestguard-report.json";

    public void Write(QuarantineReport report, TextWriter writer)
    {
        using var buffer = new MemoryStream();
        WriteUtf8(report, buffer);
        writer.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).ReplaceLineEndings("\n"));
    }

    /// <summary>
    /// Straight to the file as UTF-8, 64 KiB at a time: the 10 MB of a 10,000-test report are neither
    /// turned into a string nor held whole in memory first.
    /// </summary>
    public void Write(QuarantineReport report, Stream file)
    {
#if !NET9_0_OR_GREATER
        if (Environment.NewLine != "\n")
        {
            // Before .NET 9 the writer breaks lines the system's way: the text path replaces them.
            IReportRenderer.WriteAsText(this, report, file);
            return;
        }
#endif
        WriteUtf8(report, file);
    }

    private static void WriteUtf8(QuarantineReport report, Stream stream)
    {
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            Write(report, json);
        }

        stream.WriteByte((byte)'\n');
    }

    private static void Write(QuarantineReport report, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", QuarantineReport.SchemaVersion);
        json.WriteString("generatedAt", Utc(report.GeneratedAt));
        json.WriteString("repository", report.Repository);
        String(json, "owner", report.Owner);
        json.WriteStartArray("allowedAgents");
        foreach (var agent in report.AllowedAgents)
        {
            json.WriteStringValue(agent);
        }

        json.WriteEndArray();
        WriteCounts(json, report.Counts);
        WriteHistory(json, report.History);
        json.WriteStartArray("agents");
        foreach (var agent in report.Agents)
        {
            JsonAgentWriter.Write(json, agent);
        }

        json.WriteEndArray();
        json.WriteStartArray("criteria");
        foreach (var criterion in report.Criteria)
        {
            json.WriteStartObject();
            json.WriteString("id", criterion.Id);
            String(json, "text", criterion.Text);
            String(json, "link", criterion.Link);
            json.WriteBoolean("known", criterion.Known);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        var runIndex = WriteRecentRuns(json, report.Tests);
        WriteTests(json, report.Tests, runIndex);
        json.WriteStartArray("runs");
        foreach (var run in report.Runs)
        {
            json.WriteStartObject();
            json.WriteString("runId", run.RunId);
            json.WriteString("assembly", run.Assembly);
            json.WriteString("environment", run.Environment);
            json.WriteString("file", run.File);
            json.WriteString("startedAt", Utc(run.StartedAt));
            json.WriteString("finishedAt", Utc(run.FinishedAt));
            String(json, "revision", run.Revision);
            json.WriteBoolean("enforce", run.Enforce);
            json.WriteBoolean("enforceFailed", run.EnforceFailed);
            json.WriteNumber("gatingFailures", run.GatingFailures);
            json.WriteNumber("quarantinedFailures", run.QuarantinedFailures);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Every run a test's <c>recentRuns</c> refers to, once, oldest first; returns each one's place by run id.</summary>
    private static Dictionary<string, int> WriteRecentRuns(Utf8JsonWriter json, IReadOnlyList<ReportTest> tests)
    {
        var runs = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var test in tests)
        {
            foreach (var run in test.RecentRuns)
            {
                runs.TryAdd(run.RunId, run.At);
            }
        }

        var ordered = runs.OrderBy(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        json.WriteStartArray("recentRuns");
        foreach (var (runId, at) in ordered)
        {
            json.WriteStartObject();
            json.WriteString("runId", runId);
            json.WriteString("startedAt", Utc(at));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        return ordered.Select((r, i) => (r.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>One test a line: a 10,000-test report stays small, and a line's diff is one test's.</summary>
    private static void WriteTests(Utf8JsonWriter json, IReadOnlyList<ReportTest> tests, Dictionary<string, int> runIndex)
    {
        var line = new ArrayBufferWriter<byte>();
        using var compact = new Utf8JsonWriter(line);
        json.WriteStartArray("tests");
        foreach (var test in tests)
        {
            // Raw values are written as they are: the line brings its own break and indentation.
            line.ResetWrittenCount();
            line.Write("\n    "u8);
            compact.Reset(line);
            JsonTestWriter.Write(compact, test, runIndex);
            compact.Flush();
            json.WriteRawValue(line.WrittenSpan, skipInputValidation: true);
            if (json.BytesPending > FlushAt)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
    }

    private static void WriteCounts(Utf8JsonWriter json, ReportCounts counts)
    {
        json.WriteStartObject("counts");
        json.WriteNumber("agentTests", counts.AgentTests);
        json.WriteNumber("quarantined", counts.Quarantined);
        json.WriteNumber("unapproved", counts.Unapproved);
        json.WriteNumber("stale", counts.Stale);
        json.WriteNumber("rejected", counts.Rejected);
        json.WriteNumber("gating", counts.Gating);
        json.WriteNumber("approved", counts.Approved);
        json.WriteNumber("quarantinedFailures", counts.QuarantinedFailures);
        json.WriteNumber("unreviewedInFailedEnforcedRun", counts.UnreviewedInFailedEnforcedRun);
        json.WriteNumber("stoppedAgents", counts.StoppedAgents);
        json.WriteNumber("agentsAwaitingDecision", counts.AgentsAwaitingDecision);
        json.WriteNumber("cannotFail", counts.CannotFail);
        json.WriteEndObject();
    }

    private static void WriteHistory(Utf8JsonWriter json, ReportHistory? history)
    {
        if (history is null)
        {
            json.WriteNull("history");
            return;
        }

        json.WriteStartObject("history");
        json.WriteString("store", history.Store);
        json.WriteNumber("runs", history.Runs);
        Time(json, "firstRun", history.FirstRun);
        Time(json, "lastRun", history.LastRun);
        Figures(json, "overall", history.Overall);
        json.WriteEndObject();
    }
}
