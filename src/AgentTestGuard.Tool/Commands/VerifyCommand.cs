using System.CommandLine;
using AgentTestGuard.Approvals;
using AgentTestGuard.Configuration;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Git;
using AgentTestGuard.Tool.Workspace;

namespace AgentTestGuard.Tool.Commands;

/// <summary>
/// `dotnet agt verify`: for CI. Every approval line must have been added in a commit whose
/// author is a human identity; an agent that writes its own approval line is caught here even
/// if it wrote a human's name into the line.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(Output output)
    {
        var path = new Argument<string?>("path") { Description = "A solution, project or folder (default: the current folder).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("verify", "Check with git that every approval was committed by a human author.") { path };
        command.SetAction(result => Run(result.GetValue(path), output));
        return command;
    }

    private static int Run(string? path, Output output)
    {
        if (RepositoryWorkspace.Load(path, output) is not { } workspace)
        {
            return ExitCodes.Error;
        }

        var offences = 0;
        var checkedLines = 0;
        foreach (var ledger in workspace.Projects.GroupBy(p => p.ApprovalsFile).Where(g => File.Exists(g.Key)))
        {
            var policyFile = ledger.Select(p => p.PolicyFile).FirstOrDefault(p => p is not null);
            var policy = policyFile is null ? null : Policy.Load(policyFile, out _);
            if (ApprovalLedger.Load(ledger.Key, out var diagnostics) is not { } approvals)
            {
                output.Diagnostics(diagnostics);
                return ExitCodes.Error;
            }

            var (origins, problem) = LedgerBlame.Read(ledger.Key);
            if (origins is null)
            {
                output.Error($"cannot read the history of {Output.Inert(ledger.Key)}: {Output.Inert(problem)}");
                return ExitCodes.Error;
            }

            foreach (var approval in approvals)
            {
                checkedLines++;
                var why = !origins.TryGetValue(approval.Line, out var origin) || !origin.IsCommitted
                    ? "not committed: verify checks committed approvals"
                    : ApproverIdentity.WhyNotHuman(origin.Author, policy?.Agents ?? [], policy?.ApproverDenyPatterns) is { } notHuman
                        ? $"added in commit {origin.Commit[..12]} by '{Output.Inert(origin.Author)}': {notHuman}"
                        : null;
                if (why is not null)
                {
                    offences++;
                    output.Line($"{output.Red("offending")}  {Output.Inert(ledger.Key)}({approval.Line}): {Output.Inert(approval.Test)}: {why}");
                }
            }
        }

        if (offences > 0)
        {
            output.Error($"{offences} of {checkedLines} approvals were not added by a human author. Remove those lines and have a human approve the tests.");
            return ExitCodes.CheckFailed;
        }

        output.Line($"{checkedLines} approvals verified: each added in a commit by a human author.");
        return ExitCodes.Success;
    }
}
