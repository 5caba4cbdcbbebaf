using System.CommandLine;
using AgentTestGuard.Approvals;
using AgentTestGuard.Incidents;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Workspace;

namespace AgentTestGuard.Tool.Commands;

/// <summary>
/// `dotnet agt reject &lt;test-id-or-pattern&gt;... --reason TEXT`: the agent was wrong. Records an
/// incident per test (who, when, why, the test's fingerprint and agent) and withdraws any
/// approval: the test stays quarantined, marked rejected, until it is deleted or changed.
/// </summary>
internal static class RejectCommand
{
    public static Command Create(Output output)
    {
        var tests = new Argument<string[]>("tests") { Description = "Test ids or patterns: an exact id, Namespace.Class.*, or a glob (* and ?).", Arity = ArgumentArity.OneOrMore };
        var reason = new Option<string>("--reason") { Description = "What the agent got wrong.", Required = true };
        var by = new Option<string?>("--by") { Description = "Who rejects, \"Name <email>\" (default: git user.name and user.email)." };
        var path = new Option<string?>("--path") { Description = "A solution, project or folder (default: the current folder)." };
        var build = new BuildOptions();
        var command = new Command("reject", "Reject agent tests: records an incident; each stays quarantined until deleted or changed.")
        {
            tests,
            reason,
            by,
            path,
        };
        build.AddTo(command);
        command.SetAction(result => build.Read(result, output) is { } settings
            ? Run(result.GetValue(tests)!, result.GetValue(reason)!, result.GetValue(by), result.GetValue(path), settings, output)
            : ExitCodes.Usage);
        return command;
    }

    private static int Run(string[] patterns, string reason, string? by, string? path, BuildSettings settings, Output output)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            output.Error("--reason must say what the agent got wrong.");
            return ExitCodes.Usage;
        }

        if (RepositoryWorkspace.Load(path, output, WorkspaceNeeds.AgentTests, settings) is not { } workspace)
        {
            return ExitCodes.Error;
        }

        if (Reviewer.Select(workspace, patterns, output) is not { } rows)
        {
            return ExitCodes.CheckFailed;
        }

        if (Reviewer.Identify(workspace.Folder, rows, by, output) is not { } rejecter)
        {
            return ExitCodes.Refused;
        }

        var at = DateTimeOffset.UtcNow;
        foreach (var log in rows.GroupBy(r => r.Project.IncidentsFile))
        {
            var incidents = log.Select(r => new Incident(IncidentKind.Rejection, r.Project.AssemblyName, r.Test.Id, r.Test.Fingerprint, r.Test.Agent, rejecter, at, reason.Trim())).ToList();
            if (!IncidentLog.Update(log.Key, existing => existing.Concat(incidents), out var diagnostics))
            {
                output.Diagnostics(diagnostics);
                return ExitCodes.Error;
            }
        }

        // A rejected test must not gate on an earlier approval (current or stale). A test never
        // approved has no line to withdraw: its ledger is left as written, not rewritten.
        foreach (var ledger in rows.Where(r => r.State != ApprovalState.Unapproved).GroupBy(r => r.Project.ApprovalsFile).Where(g => File.Exists(g.Key)))
        {
            var withdrawn = ledger.Select(r => (r.Project.AssemblyName, r.Test.Id)).ToHashSet();
            if (!ApprovalLedger.Update(ledger.Key, existing => existing.Where(a => !withdrawn.Contains((a.Assembly, a.Test))), out var diagnostics))
            {
                output.Diagnostics(diagnostics);
                return ExitCodes.Error;
            }
        }

        foreach (var row in rows)
        {
            output.Line($"{output.Red("rejected")}  {Output.Inert(row.Test.Id)}  {output.Dim($"(agent {Output.Inert(row.Test.Agent)})")}");
        }

        output.Line(output.Dim($"by {Output.Inert(rejecter)}; incidents in {string.Join(", ", rows.Select(r => r.Project.IncidentsFile).Distinct().Select(Output.Inert))}."));
        return ExitCodes.Success;
    }
}
