using System.CommandLine;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Commands.Verify;

namespace AgentTestGuard.Tool.Commands;

/// <summary>
/// `dotnet agt verify`: for CI. Every approval must have been introduced by a trusted human
/// commit; with --base, the rules come from the base and the change may not touch the review
/// files or AgentTestGuard's settings without one; the test projects' settings and the run
/// records must show that the build and the run used the gate. The checks are in Verify/.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(Output output)
    {
        var path = new Argument<string?>("path") { Description = "A solution, project or folder (default: the current folder).", Arity = ArgumentArity.ZeroOrOne };
        var trustedBase = new Option<string?>("--base")
        {
            Description = "The target branch (or commit) the change will merge into: the policy is read from it, and the commits since it are checked.",
        };
        var records = new Option<string[]>("--records")
        {
            Description = "Run records (files, or folders searched below) of the test run to check; default: those under each test project's folder.",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("verify", "For CI: check that humans approved, that the change did not relax the rules, and that the build and the run used the gate.")
        {
            path, trustedBase, records,
        };
        command.SetAction(result => VerifyRun.Run(result.GetValue(path), result.GetValue(trustedBase), result.GetValue(records) ?? [], output));
        return command;
    }
}
