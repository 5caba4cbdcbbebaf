using System.CommandLine;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Init;
using AgentTestGuard.Tool.Workspace;

namespace AgentTestGuard.Tool.Commands;

/// <summary>
/// `dotnet agt init [path] [--version V]`: sets a repository up. Creates the policy, criteria
/// catalog and approvals ledger (refusing if any exists), and adds AgentTestGuard to the test
/// projects under the folder. The work is in <see cref="Initializer"/>.
/// </summary>
internal static class InitCommand
{
    public static Command Create(Output output)
    {
        var path = new Argument<string?>("path") { Description = "The repository's root folder (default: the current folder).", Arity = ArgumentArity.ZeroOrOne };
        var version = new Option<string?>("--version") { Description = "The AgentTestGuard version to add (default: the newest on the repository's package sources)." };
        var command = new Command("init", "Create the policy, criteria catalog and approvals ledger, and add AgentTestGuard to the test projects.")
        {
            path,
            version,
        };
        command.SetAction(result => Run(result.GetValue(path), result.GetValue(version), output));
        return command;
    }

    /// <param name="sources">The package sources to ask for the newest version; null for the repository's own.</param>
    /// <param name="probe">What tells which test platform a project runs on; null to restore it and read its assets file.</param>
    internal static int Run(string? path, string? version, Output output, IPackageSources? sources = null, ITestPlatformProbe? probe = null)
    {
        var root = Path.GetFullPath(path ?? Directory.GetCurrentDirectory());
        if (File.Exists(root))
        {
            output.Error($"'{Output.Inert(root)}' is a file: init takes the repository's root folder.");
            return ExitCodes.Usage;
        }

        if (!Directory.Exists(root))
        {
            output.Error($"'{Output.Inert(root)}' does not exist.");
            return ExitCodes.Error;
        }

        // Before the initializer's code is compiled: it uses MSBuild's and NuGet's types, which
        // load from the SDK.
        MSBuildHost.EnsureRegistered(root);
        return Initializer.Run(root, version, output, sources, probe);
    }
}
