using System.CommandLine;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Commands;
using AgentTestGuard.Tool.History;
using AgentTestGuard.Tool.Report;

// dotnet agt: the commands are in Commands/, one file each; docs/tool.md documents them.
var output = Output.ForConsole();
var root = new RootCommand("AgentTestGuard: set up a repository; approve, reject, inspect and verify agent tests.")
{
    InitCommand.Create(output),
    StatusCommand.Create(output),
    ApproveCommand.Create(output),
    RejectCommand.Create(output),
    IncidentCommand.Create(output),
    VerifyCommand.Create(output),
    HistoryCommand.Create(output),
    MetricsCommand.Create(output),
    StopCommand.Create(output, stop: true),
    StopCommand.Create(output, stop: false),
    ReportCommand.Create(output),
};

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        output.Error(error.Message);
    }

    output.Line("Run 'dotnet agt --help' for usage.");
    return ExitCodes.Usage;
}

return parsed.Invoke();
