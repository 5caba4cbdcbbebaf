using System.CommandLine;
using AgentTestGuard.Approvals;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Evidence;
using AgentTestGuard.Tool.Workspace;

namespace AgentTestGuard.Tool.Commands;

/// <summary>
/// `dotnet agt approve &lt;test-id-or-pattern&gt;... [--note] [--by] [--despite] [--runs]`: records a
/// human's approval, bound to each test's current fingerprint, in the ledger, after showing the
/// evidence of the runs (<see cref="EvidenceGate"/>: a test without it is refused unless --despite
/// says why). Approving a stale test replaces its old approval.
/// </summary>
internal static class ApproveCommand
{
    public static Command Create(Output output)
    {
        var tests = new Argument<string[]>("tests") { Description = "Test ids or patterns: an exact id, Namespace.Class.*, or a glob (* and ?).", Arity = ArgumentArity.OneOrMore };
        var note = new Option<string?>("--note") { Description = "Why, or what was checked; kept with the approval." };
        var by = new Option<string?>("--by") { Description = "The approver, \"Name <email>\" (default: git user.name and user.email)." };
        var path = new Option<string?>("--path") { Description = "A solution, project or folder (default: the current folder)." };
        var despite = new Option<string?>("--despite") { Description = "Approve although a test has no passing run at its current version, is flaky, or cannot fail; the reason is kept in the ledger." };
        var runs = new Option<string[]>("--runs")
        {
            Description = "Run records (files, or folders searched below) the evidence comes from; default: every TestResults folder of the repository.",
            AllowMultipleArgumentsPerToken = true,
        };
        var build = new BuildOptions();
        var command = new Command("approve", "Approve agent tests: each then gates like any other test, until it is edited.")
        {
            tests,
            note,
            by,
            path,
            despite,
            runs,
        };
        build.AddTo(command);
        command.SetAction(result => build.Read(result, output) is { } settings
            ? Run(new Request(result.GetValue(tests)!, result.GetValue(note), result.GetValue(by), result.GetValue(despite), result.GetValue(runs) ?? []), result.GetValue(path), settings, output)
            : ExitCodes.Usage);
        return command;
    }

    /// <summary>What the reviewer asked for.</summary>
    /// <param name="Despite">The reason to approve tests that lack evidence; null when not given.</param>
    /// <param name="Runs">Where the run records are; none: the repository's TestResults folders.</param>
    internal sealed record Request(IReadOnlyList<string> Patterns, string? Note, string? By, string? Despite, IReadOnlyList<string> Runs);

    private static int Run(Request request, string? path, BuildSettings settings, Output output)
    {
        if (request.Despite is not null && string.IsNullOrWhiteSpace(request.Despite))
        {
            output.Error("--despite needs a reason: what the reviewer checked instead, or why the test may gate as it is.");
            return ExitCodes.Usage;
        }

        if (RepositoryWorkspace.Load(path, output, WorkspaceNeeds.AgentTests, settings) is not { } workspace)
        {
            return ExitCodes.Error;
        }

        if (Reviewer.Select(workspace, request.Patterns, output) is not { } rows)
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

        if (EvidenceSources.Load(workspace.Folder, rows, request.Runs, output) is not { } sources)
        {
            return ExitCodes.Error;
        }

        return Decide(rows, workspace.Folder, sources, request, DateTimeOffset.UtcNow, output);
    }

    /// <summary>
    /// The decision once the tests are chosen: the reviewer must be a human (exit code 3); then each
    /// test's evidence, refused (exit code 5) when one lacks it and no reason was given, else recorded
    /// in the ledgers and shown.
    /// </summary>
    /// <param name="folder">Whose git identity approves (the folder the command was pointed at).</param>
    internal static int Decide(IReadOnlyList<AgentTestRow> rows, string folder, EvidenceSources sources, Request request, DateTimeOffset at, Output output)
    {
        var tests = rows.Select(r => (Row: r, Evidence: sources.Of(r))).ToList();
        var despite = string.IsNullOrWhiteSpace(request.Despite) ? null : request.Despite.Trim();
        if (Reviewer.Identify(folder, rows, request.By, output) is not { } approver)
        {
            return ExitCodes.Refused;
        }

        if (!EvidenceGate.Admit(tests, despite, output))
        {
            return ExitCodes.EvidenceMissing;
        }

        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        foreach (var ledger in tests.GroupBy(t => t.Row.Project.ApprovalsFile))
        {
            var approvals = ledger.Select(t => Approval(t.Row, t.Evidence, approver, at, note, despite)).ToList();
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

        ApprovalListing.Write(tests, despite, output);
        output.Line(output.Dim($"by {Output.Inert(approver)} in {string.Join(", ", rows.Select(r => r.Project.ApprovalsFile).Distinct().Select(Output.Inert))}; commit the ledger to share it."));
        return ExitCodes.Success;
    }

    /// <summary>The ledger line: <c>despite</c> and <c>overrode</c> only when the test lacked evidence.</summary>
    private static Approval Approval(AgentTestRow row, TestEvidence evidence, string approver, DateTimeOffset at, string? note, string? despite) =>
        new(row.Project.AssemblyName, row.Test.Id, row.Test.Fingerprint, approver, at, note)
        {
            Despite = evidence.Missing.Count > 0 ? despite : null,
            Overrode = evidence.Missing.Count > 0 ? evidence.Missing : [],
        };
}
