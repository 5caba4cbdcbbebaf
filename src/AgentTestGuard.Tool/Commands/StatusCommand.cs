using System.CommandLine;
using AgentTestGuard.Inventory;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Workspace;

namespace AgentTestGuard.Tool.Commands;

/// <summary>`dotnet agt status [path]`: every agent test with its review state.</summary>
internal static class StatusCommand
{
    public static Command Create(Output output)
    {
        var path = new Argument<string?>("path") { Description = "A solution, project or folder (default: the current folder).", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var build = new BuildOptions();
        var command = new Command("status", "List every agent test: approved, quarantined (unapproved), stale or rejected; agent, criteria, source.")
        {
            path,
            json,
        };
        build.AddTo(command);
        command.SetAction(result => build.Read(result, output) is { } settings
            ? Run(result.GetValue(path), result.GetValue(json), settings, output)
            : ExitCodes.Usage);
        return command;
    }

    private static int Run(string? path, bool json, BuildSettings settings, Output output)
    {
        if (RepositoryWorkspace.Load(path, output, WorkspaceNeeds.AgentTests, settings) is not { } workspace)
        {
            return ExitCodes.Error;
        }

        if (json)
        {
            WriteJson(workspace.Rows, output);
            return ExitCodes.Success;
        }

        if (workspace.Rows.Count == 0)
        {
            output.Line("No agent tests.");
            return ExitCodes.Success;
        }

        var here = Directory.GetCurrentDirectory();
        var rows = workspace.Rows.Select(r => new[]
        {
            r.StateName,
            Output.Inert(r.Test.Id),
            Output.Inert(r.Test.Agent),
            Output.Inert(string.Join(", ", r.Test.Criteria)),
            r.Test.Source is { } source ? Output.Inert($"{Path.GetRelativePath(here, source.File)}:{source.Line}") : "",
        }).ToList();
        output.Table(["STATE", "TEST", "AGENT", "CRITERIA", "SOURCE"], rows, (_, column, cell) => column == 0 ? PaintState(output, cell) : cell);
        var counts = workspace.Rows.GroupBy(r => r.StateName).ToDictionary(g => g.Key, g => g.Count());
        output.Line();
        output.Line($"{workspace.Rows.Count} agent tests: {Count(counts, "approved")} approved, {Count(counts, "quarantined")} quarantined, {Count(counts, "stale")} stale, {Count(counts, "rejected")} rejected"
            + (counts.ContainsKey("gating") ? $", {Count(counts, "gating")} gating (unapproved, in a project without quarantine: AGT0016)." : "."));
        WriteOlderApprovals(workspace.Rows, output);
        return ExitCodes.Success;
    }

    /// <summary>
    /// Approvals bound to a fingerprint of an earlier version are stale whether the test changed or not: the
    /// one-time re-review after an upgrade that changed how fingerprints are computed. Listed with the command.
    /// </summary>
    private static void WriteOlderApprovals(IReadOnlyList<AgentTestRow> rows, Output output)
    {
        var older = rows
            .Where(r => r.StateName == "stale" && Fingerprint.PredatesCurrentVersion(r.Test.Approval?.ApprovedFingerprint ?? string.Empty))
            .ToList();
        if (older.Count == 0)
        {
            return;
        }

        output.Line();
        output.Line($"{older.Count} of the stale approvals were made before fingerprint version {Fingerprint.CurrentVersion}, which fingerprints a test's source instead of its compiled code (docs/fingerprint.md): they are stale once, edited or not. Review each test and approve it again:");
        foreach (var row in older)
        {
            output.Line($"  dotnet agt approve {AgentTestGuard.Inert.ShellArgument(row.Test.Id)}");
        }
    }

    private static int Count(Dictionary<string, int> counts, string state) => counts.GetValueOrDefault(state);

    private static string PaintState(Output output, string cell) => cell.TrimEnd() switch
    {
        "approved" => output.Green(cell),
        "rejected" => output.Red(cell),
        _ => output.Yellow(cell),
    };

    private static void WriteJson(IReadOnlyList<AgentTestRow> rows, Output output)
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
                json.WriteStartArray("criteria");
                foreach (var criterion in row.Test.Criteria)
                {
                    json.WriteStringValue(criterion);
                }

                json.WriteEndArray();
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

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }
}
