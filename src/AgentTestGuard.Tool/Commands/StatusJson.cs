using AgentTestGuard.Json;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Evidence;
using AgentTestGuard.Tool.Workspace;

namespace AgentTestGuard.Tool.Commands;

/// <summary>`dotnet agt status --json`: every agent test with its review state and its evidence (docs/tool.md).</summary>
internal static class StatusJson
{
    public static void Write(IReadOnlyList<AgentTestRow> rows, EvidenceSources sources, Output output)
    {
        output.Json(json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("tests");
            foreach (var row in rows)
            {
                json.WriteStartObject();
                json.WriteString("id", row.Test.Id);
                json.WriteString("assembly", row.Project.AssemblyName);
                json.WriteString("project", row.Project.ProjectFile);
                json.WriteString("state", row.StateName);
                json.WriteString("agent", row.Test.Agent);
                json.WriteStrings("criteria", row.Test.Criteria);
                json.WriteString("fingerprint", row.Test.Fingerprint);
                if (row.Test.Approval?.Approver is { } approver)
                {
                    json.WriteString("approver", approver);
                }

                if (row.Test.Source is { } source)
                {
                    json.WriteString("file", source.File);
                    json.WriteNumber("line", source.Line);
                }

                var evidence = sources.Of(row);
                json.WriteStartObject("evidence");
                json.WriteNumber("runs", evidence.Runs);
                json.WriteNumber("attempts", evidence.Attempts);
                json.WriteNumber("passingRuns", evidence.PassingRuns);
                json.WriteNumber("failingRuns", evidence.FailingRuns);
                json.WriteBoolean("flaky", evidence.Flaky);
                if (evidence.CannotFail is { } cannotFail)
                {
                    json.WriteStartObject("cannotFail");
                    json.WriteString("reason", cannotFail.ReasonName);
                    json.WriteString("detail", cannotFail.Detail);
                    json.WriteEndObject();
                }

                json.WriteStrings("missing", evidence.Missing);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }
}
