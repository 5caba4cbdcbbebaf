using System.CommandLine;
using AgentTestGuard.Approvals;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Workspace;

namespace AgentTestGuard.Tool.Commands;

/// <summary>
/// `dotnet agt approve &lt;test-id-or-pattern&gt;... [--note] [--by]`: records a human's approval,
/// bound to each test's current fingerprint, in the ledger. Approving a stale test replaces its
/// old approval.
/// </summary>
internal static class ApproveCommand
{
    public static Command Create(Output output)
    {
        var tests = new Argument<string[]>("tests") { Description = "Test ids or patterns: an exact id, Namespace.Class.*, or a glob (* and ?).", Arity = ArgumentArity.OneOrMore };
        var note = new Option<string?>("--note") { Description = "Why, or what was checked; kept with the approval." };
        var by = new Option<string?>("--by") { Description = "The approver, \"Name <email>\" (default: git user.name and user.email)." };
        var path = new Option<string?>("--path") { Description = "A solution, project or folder (default: the current folder)." };
        var build = new BuildOptions();
        var command = new Command("approve", "Approve agent tests: each then gates like any other test, until it is edited.")
        {
            tests,
            note,
            by,
            path,
        };
        build.AddTo(command);
        command.SetAction(result => build.Read(result, output) is { } settings
            ? Run(result.GetValue(tests)!, result.GetValue(note), result.GetValue(by), result.GetValue(path), settings, output)
            : ExitCodes.Usage);
        return command;
    }

    private static int Run(string[] patterns, string? note, string? by, string? path, BuildSettings settings, Output output)
    {
        if (RepositoryWorkspace.Load(path, output, WorkspaceNeeds.AgentTests, settings) is not { } workspace)
        {
            return ExitCodes.Error;
        }

        if (Reviewer.Select(workspace, patterns, output) is not { } rows)
        {
            return ExitCodes.CheckFailed;
        }

        // A rejection of the test's current version wins over any approval: approving would record
        // a line that changes nothing. The agent's next version of the test can be approved.
        if (rows.Where(r => r.Rejected).ToList() is { Count: > 0 } rejected)
        {
            foreach (var row in rejected)
            {
                output.Error($"refused: {Output.Inert(row.Test.Id)} is rejected in its current version (incidents in {Output.Inert(row.Project.IncidentsFile)}); a rejection wins over approvals until the test changes (to overturn it, remove the rejection's line from the log).");
            }

            return ExitCodes.Refused;
        }

        if (rows.Where(r => r.FingerprintsByFramework is not null).ToList() is { Count: > 0 } differing)
        {
            foreach (var row in differing)
            {
                var frameworks = string.Join(", ", row.FingerprintsByFramework!.Select(f => $"{f.Framework}: {f.Fingerprint[..12]}"));
                output.Error($"refused: {Output.Inert(row.Test.Id)} has a different fingerprint per target framework ({frameworks}); "
                    + "an approval binds one fingerprint, so it would be stale on the others. Nothing was approved. "
                    + "To approve it for one framework only, run approve with -f.");
            }

            return ExitCodes.Refused;
        }

        if (Reviewer.Identify(workspace.Folder, rows, by, output) is not { } approver)
        {
            return ExitCodes.Refused;
        }

        var at = DateTimeOffset.UtcNow;
        var trimmedNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        foreach (var ledger in rows.GroupBy(r => r.Project.ApprovalsFile))
        {
            var approvals = ledger.Select(r => new Approval(r.Project.AssemblyName, r.Test.Id, r.Test.Fingerprint, approver, at, trimmedNote)).ToList();
            var replaced = approvals.Select(a => (a.Assembly, a.Test)).ToHashSet();
            var written = ApprovalLedger.Update(
                ledger.Key,
                existing => existing.Where(e => !replaced.Contains((e.Assembly, e.Test))).Concat(approvals),
                out var diagnostics);
            if (!written)
            {
                output.Diagnostics(diagnostics);
                return ExitCodes.Error;
            }
        }

        foreach (var row in rows)
        {
            var was = row.State == ApprovalState.Approved ? "re-approved" : row.State == ApprovalState.Stale ? "was stale" : "was quarantined";
            output.Line($"{output.Green("approved")}  {Output.Inert(row.Test.Id)}  {output.Dim($"({was}; fingerprint {row.Test.Fingerprint[..12]})")}");
        }

        output.Line(output.Dim($"by {Output.Inert(approver)} in {string.Join(", ", rows.Select(r => r.Project.ApprovalsFile).Distinct().Select(Output.Inert))}; commit the ledger to share it."));
        return ExitCodes.Success;
    }
}
