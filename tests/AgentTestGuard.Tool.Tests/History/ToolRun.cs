using System.CommandLine;
using AgentTestGuard.Tool.Cli;

namespace AgentTestGuard.Tool.Tests.History;

/// <summary>Runs one of the tool's commands in process, capturing what it prints.</summary>
internal sealed class ToolRun
{
    public ToolRun(Func<Output, Command> create, params string[] args)
    {
        using var standard = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { create(new Output(standard, error, colour: false)) };
        ExitCode = root.Parse(args).Invoke();
        Printed = standard.ToString().ReplaceLineEndings("\n");
        Errors = error.ToString().ReplaceLineEndings("\n");
    }

    public int ExitCode { get; }

    public string Printed { get; }

    public string Errors { get; }
}
