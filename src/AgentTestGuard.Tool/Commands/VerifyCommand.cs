using System.CommandLine;
using AgentTestGuard.Approvals;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Workspace;

namespace AgentTestGuard.Tool.Commands;

/// <summary>
/// `dotnet agt verify`: for CI. Every approval line must have been added in a commit whose
/// author is a human identity (and, when the policy requires it, that is signed); an agent that
/// writes its own approval line is caught here even if it wrote a human's name into the line.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(Output output)
    {
        var path = new Argument<string?>("path") { Description = "A solution, project or folder (default: the current folder).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("verify", "Check with git that every approval was committed by a human author (and signed, if the policy says so).") { path };
        command.SetAction(result => Run(result.GetValue(path), output));
        return command;
    }

    private static int Run(string? path, Output output)
    {
        if (RepositoryWorkspace.Load(path, output, WorkspaceNeeds.ReviewFiles) is not { } workspace)
        {
            return ExitCodes.Error;
        }

        var offences = 0;
        var checkedLines = 0;
        var signaturesRequired = false;
        foreach (var ledger in workspace.Projects.GroupBy(p => p.ApprovalsFile).Where(g => File.Exists(g.Key)))
        {
            // Whether approvals must be signed depends on the policy.
            if (!ProjectPolicy.TryLoad(ledger.Select(p => p.PolicyFile).FirstOrDefault(p => p is not null), output, out var policy))
            {
                return ExitCodes.Error;
            }

            if (ApprovalLedger.Load(ledger.Key, out var diagnostics) is not { } approvals)
            {
                output.Diagnostics(diagnostics);
                return ExitCodes.Error;
            }

            var (found, problem) = LedgerVerifier.Check(ledger.Key, approvals, policy);
            if (found is null)
            {
                output.Error($"cannot read the history of {Output.Inert(ledger.Key)}: {Output.Inert(problem)}");
                return ExitCodes.Error;
            }

            foreach (var offence in found)
            {
                output.Line($"{output.Red("offending")}  {Output.Inert(ledger.Key)}({offence.Line}): {Output.Inert(offence.Test)}: {Output.Inert(offence.Why)}");
            }

            checkedLines += approvals.Count;
            offences += found.Count;
            signaturesRequired |= policy?.RequireSignedApprovals == true;
        }

        if (offences > 0)
        {
            var signed = signaturesRequired ? " in a signed commit" : "";
            output.Error($"{offences} of {checkedLines} approvals were not added by a human author{signed}. Remove those lines and have a human approve the tests{signed}.");
            return ExitCodes.CheckFailed;
        }

        output.Line($"{checkedLines} approvals verified: each added in a {(signaturesRequired ? "signed " : "")}commit by a human author.");
        return ExitCodes.Success;
    }
}
