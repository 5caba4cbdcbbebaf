using AgentTestGuard.Approvals;
using AgentTestGuard.Configuration;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Git;
using AgentTestGuard.Tool.Workspace;

namespace AgentTestGuard.Tool.Commands.Verify;

/// <summary>
/// Runs verify's checks in turn and prints each offence with its place; the exit code is 1 when
/// any was found, 4 when one could not be made (a malformed file, git cannot tell).
/// </summary>
internal static class VerifyRun
{
    public static int Run(string? path, string? baseName, IReadOnlyList<string> recordPaths, Output output)
    {
        if (RepositoryWorkspace.Load(path, output, WorkspaceNeeds.ReviewFiles) is not { } workspace)
        {
            return ExitCodes.Error;
        }

        BaseRevision? trustedBase = null;
        if (baseName is not null)
        {
            (trustedBase, var baseProblem) = BaseRevision.Resolve(workspace.Folder, baseName);
            if (trustedBase is null)
            {
                output.Error(baseProblem!);
                return ExitCodes.Error;
            }
        }

        var policies = new Dictionary<TestProject, Policy?>();
        foreach (var project in workspace.Projects)
        {
            if (!TrustedPolicy.TryLoad(trustedBase, project, output, out var policy))
            {
                return ExitCodes.Error;
            }

            policies[project] = policy;
        }

        // The repository-wide checks go by the strictest of the projects' trusted policies.
        var rules = policies.Values.FirstOrDefault(p => p?.RequireSignedApprovals == true) ?? policies.Values.FirstOrDefault(p => p is not null);
        var tally = new Tally(output);

        var verified = new Dictionary<string, IReadOnlyList<Approval>>(StringComparer.Ordinal);
        if (!CheckLedgers(workspace, policies, tally, verified))
        {
            return ExitCodes.Error;
        }

        var target = Path.GetFullPath(path ?? Directory.GetCurrentDirectory());
        var (settings, settingsProblem) = GuardSettings.OfTestProjects(RepositoryWorkspace.ProjectFilesOf(target));
        if (settings is null)
        {
            output.Error($"cannot evaluate a project: {Output.Inert(settingsProblem)}");
            return ExitCodes.Error;
        }

        tally.Add("settings", ProjectSettingsCheck.Check(settings, rules).Select(o => (o.ProjectFile, o.Why)));

        if (trustedBase is not null)
        {
            var otherFiles = settings.SelectMany(s => s.OtherFiles).Select(RepositoryPath.Of).OfType<string>();
            var (changes, changeProblem) = ProtectedChangeCheck.Check(trustedBase, rules, otherFiles);
            if (changes is null)
            {
                output.Error($"cannot read the history since {Output.Inert(baseName)}: {Output.Inert(changeProblem)}");
                return ExitCodes.Error;
            }

            tally.Add("changes", changes.Select(o => (o.File, o.Why)));

            var (untagged, untaggedProblem) = UntaggedTestCheck.Check(trustedBase, rules);
            if (untagged is null)
            {
                output.Error($"cannot read the changes to tests since {Output.Inert(baseName)}: {Output.Inert(untaggedProblem)}");
                return ExitCodes.Error;
            }

            tally.Add("untagged", untagged.Select(o => (o.Where, o.Why)));
        }

        var recordFiles = RunRecordCheck.Find(recordPaths, workspace.Projects);
        if (recordPaths.Count > 0 || recordFiles.Count > 0)
        {
            var records = new List<RunRecordSummary>();
            foreach (var file in recordFiles)
            {
                var (record, problem) = RunRecordSummary.Read(file);
                if (record is null)
                {
                    output.Error(Output.Inert(problem));
                    return ExitCodes.Error;
                }

                records.Add(record);
            }

            var offences = RunRecordCheck.Check(
                workspace.Projects,
                records,
                p => [.. verified.GetValueOrDefault(p.ApprovalsFile, []).Where(a => a.Assembly == p.AssemblyName)],
                rules);
            tally.Add("records", offences.Select(o => (o.Where, o.Why)));
        }

        return tally.Conclude(rules?.RequireSignedApprovals == true, trustedBase);
    }

    private static bool CheckLedgers(
        RepositoryWorkspace workspace, Dictionary<TestProject, Policy?> policies, Tally tally, Dictionary<string, IReadOnlyList<Approval>> verified)
    {
        foreach (var ledger in workspace.Projects.GroupBy(p => p.ApprovalsFile))
        {
            if (!File.Exists(ledger.Key))
            {
                verified[ledger.Key] = [];
                continue;
            }

            if (ApprovalLedger.Load(ledger.Key, out var diagnostics) is not { } approvals)
            {
                tally.Output.Diagnostics(diagnostics);
                return false;
            }

            var policy = policies[ledger.First()];
            var (found, problem) = LedgerVerifier.Check(ledger.Key, approvals, policy);
            if (found is null)
            {
                tally.Output.Error($"cannot read the history of {Output.Inert(ledger.Key)}: {Output.Inert(problem)}");
                return false;
            }

            tally.AddLedger(ledger.Key, approvals.Count, found);
            tally.AddDespite(ledger.Key, approvals);
            var offendingLines = found.Select(o => o.Line).ToHashSet();
            verified[ledger.Key] = [.. approvals.Where(a => !offendingLines.Contains(a.Line))];
        }

        return true;
    }
}
