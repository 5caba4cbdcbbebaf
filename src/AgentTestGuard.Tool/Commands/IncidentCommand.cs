using System.CommandLine;
using AgentTestGuard.Incidents;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Workspace;

namespace AgentTestGuard.Tool.Commands;

/// <summary>`dotnet agt incident list | add`: the log of agent mistakes (rejections, and ones recorded by hand).</summary>
internal static class IncidentCommand
{
    public static Command Create(Output output)
    {
        var command = new Command("incident", "The incident log: rejections, and other agent mistakes an owner records.");
        command.Subcommands.Add(List(output));
        command.Subcommands.Add(Add(output));
        return command;
    }

    private static Command List(Output output)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var path = new Option<string?>("--path") { Description = "A solution, project or folder (default: the current folder)." };
        var command = new Command("list", "List the incidents, oldest first.") { json, path };
        command.SetAction(result =>
        {
            if (Load(result.GetValue(path), output) is not { } incidents)
            {
                return ExitCodes.Error;
            }

            if (result.GetValue(json))
            {
                WriteJson(incidents, output);
            }
            else if (incidents.Count == 0)
            {
                output.Line("No incidents.");
            }
            else
            {
                output.Table(
                    ["AT", "KIND", "AGENT", "TEST", "BY", "REASON"],
                    [.. incidents.Select(i => new[]
                    {
                        i.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture),
                        IncidentLog.KindName(i.Kind),
                        Output.Inert(i.Agent),
                        Output.Inert(i.Test ?? "-"),
                        Output.Inert(i.By),
                        Output.Inert(i.Reason),
                    })]);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Add(Output output)
    {
        var agent = new Option<string>("--agent") { Description = "The agent that made the mistake.", Required = true };
        var reason = new Option<string>("--reason") { Description = "What went wrong.", Required = true };
        var test = new Option<string?>("--test") { Description = "The agent test concerned, if any (exact id)." };
        var by = new Option<string?>("--by") { Description = "Who records it, \"Name <email>\" (default: git user.name and user.email)." };
        var path = new Option<string?>("--path") { Description = "A solution, project or folder (default: the current folder)." };
        var command = new Command("add", "Record an agent mistake by hand.") { agent, reason, test, by, path };
        command.SetAction(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValue(reason)) || string.IsNullOrWhiteSpace(result.GetValue(agent)))
            {
                output.Error("--agent and --reason must not be empty.");
                return ExitCodes.Usage;
            }

            if (RepositoryWorkspace.Load(result.GetValue(path), output, WorkspaceNeeds.AgentTests) is not { } workspace)
            {
                return ExitCodes.Error;
            }

            AgentTestRow? row = null;
            if (result.GetValue(test) is { } id)
            {
                row = workspace.Rows.FirstOrDefault(r => r.Test.Id == id);
                if (row is null)
                {
                    output.Error($"'{Output.Inert(id)}' is not an agent test here. `dotnet agt status` lists them.");
                    return ExitCodes.CheckFailed;
                }
            }

            if (Reviewer.Identify(workspace.Folder, [], result.GetValue(by), output) is not { } identity)
            {
                return ExitCodes.Refused;
            }

            var incident = new Incident(
                IncidentKind.Mistake, row?.Project.AssemblyName, row?.Test.Id, row?.Test.Fingerprint, result.GetValue(agent)!.Trim(),
                identity, DateTimeOffset.UtcNow, result.GetValue(reason)!.Trim());
            var file = (row?.Project ?? workspace.Projects[0]).IncidentsFile;
            if (!IncidentLog.Update(file, existing => existing.Append(incident), out var diagnostics))
            {
                output.Diagnostics(diagnostics);
                return ExitCodes.Error;
            }

            output.Line($"recorded  {Output.Inert(incident.Agent)}: {Output.Inert(incident.Reason)}  {output.Dim($"({Output.Inert(file)})")}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static List<Incident>? Load(string? path, Output output)
    {
        if (RepositoryWorkspace.Load(path, output, WorkspaceNeeds.ReviewFiles) is not { } workspace)
        {
            return null;
        }

        // The workspace read each log once, and stopped at a log it could not read.
        return [.. workspace.Incidents.Values.SelectMany(incidents => incidents).OrderBy(i => i.At)];
    }

    private static void WriteJson(IReadOnlyList<Incident> incidents, Output output)
    {
        output.Json(json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("incidents");
            foreach (var incident in incidents)
            {
                json.WriteStartObject();
                json.WriteString("kind", IncidentLog.KindName(incident.Kind));
                json.WriteString("at", incident.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
                json.WriteString("agent", incident.Agent);
                json.WriteString("by", incident.By);
                json.WriteString("reason", incident.Reason);
                if (incident.Assembly is { } assembly)
                {
                    json.WriteString("assembly", assembly);
                }

                if (incident.Test is { } test)
                {
                    json.WriteString("test", test);
                }

                if (incident.Fingerprint is { } fingerprint)
                {
                    json.WriteString("fingerprint", fingerprint);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }
}
