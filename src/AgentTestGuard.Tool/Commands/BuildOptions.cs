using System.CommandLine;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Workspace;

namespace AgentTestGuard.Tool.Commands;

/// <summary>
/// -c, -f and -p for the commands that build test projects (status, approve, reject), spelled as
/// `dotnet build` spells them and passed to the build and to the tool's evaluation alike.
/// </summary>
internal sealed class BuildOptions
{
    private readonly Option<string?> _configuration = new("--configuration", "-c") { Description = "The configuration to build, as dotnet build -c (default: the project's, usually Debug)." };
    private readonly Option<string?> _framework = new("--framework", "-f") { Description = "Build and read only this target framework of multi-targeted projects, as dotnet build -f." };
    private readonly Option<string[]> _properties = new("--property", "-p") { Description = "An MSBuild property for the build and the evaluation: -p:Name=Value (repeatable; or -p:A=1;B=2)." };

    public void AddTo(Command command)
    {
        command.Options.Add(_configuration);
        command.Options.Add(_framework);
        command.Options.Add(_properties);
    }

    /// <returns>null after saying which -p value is not Name=Value.</returns>
    public BuildSettings? Read(ParseResult result, Output output)
    {
        if (BuildSettings.ParseProperties(result.GetValue(_properties) ?? [], out var problem) is not { } properties)
        {
            output.Error($"-p '{Output.Inert(problem)}' is not Name=Value.");
            return null;
        }

        return new BuildSettings(Blank(result.GetValue(_configuration)), Blank(result.GetValue(_framework)), properties);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
