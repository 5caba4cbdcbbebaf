using AgentTestGuard.Approvals;
using AgentTestGuard.Configuration;
using AgentTestGuard.InventoryFormat;
using AgentTestGuard.Tool.Git;
using AgentTestGuard.Tool.Workspace;

namespace AgentTestGuard.Tool.Commands.Verify;

/// <summary>
/// Checks what a test run actually did, from its run records, against the verified ledger: a
/// run that found no inventory (a deleted one), treated a test as approved that no verified
/// approval covers (a rewritten one), ran with enforce mode off, or turned a failed run's exit
/// code into success, is offending; so is a project with agent tests that has no record at all.
/// </summary>
internal static class RunRecordCheck
{
    public sealed record Offence(string Where, string Why);

    // The platform's exit codes that a run may not ignore: at least one test failed (2), and a
    // run in enforce mode that fails for unreviewed agent tests ends with the same code.
    private static readonly int[] GatingExitCodes = [2];

    /// <param name="verified">Approvals whose provenance checked out, per test project.</param>
    public static IReadOnlyList<Offence> Check(
        IReadOnlyList<TestProject> projects,
        IReadOnlyList<RunRecordSummary> records,
        Func<TestProject, IReadOnlyList<Approval>> verified,
        Policy? policy)
    {
        var exempt = new HashSet<string>(policy?.ExemptProjects ?? [], StringComparer.OrdinalIgnoreCase);
        var offences = new List<Offence>();
        foreach (var project in projects)
        {
            var approvals = verified(project);
            var ofAssembly = records.Where(r => r.Assembly == project.AssemblyName).ToList();
            if (ofAssembly.Count == 0)
            {
                if (HasAgentTests(project, approvals))
                {
                    offences.Add(new Offence(project.ProjectFile, $"no run record of {Cli.Output.Inert(project.AssemblyName)}, which has agent tests: run dotnet test before verify, or pass its records with --records"));
                }

                continue;
            }

            var isExempt = RepositoryPath.Of(project.ProjectFile) is { } inTree && exempt.Contains(inTree);
            foreach (var record in ofAssembly)
            {
                offences.AddRange(Check(record, approvals, isExempt));
            }
        }

        return offences;
    }

    private static IEnumerable<Offence> Check(RunRecordSummary record, IReadOnlyList<Approval> approvals, bool exempt)
    {
        if (record.Inventory is null)
        {
            yield return new Offence(record.File, "the run found no agent test inventory next to the test assembly, so it treated every agent test as gating and recorded none");
        }

        if (!record.Enforce && !exempt)
        {
            yield return new Offence(record.File, "the run had enforce mode off (AgentTestGuardEnforce=false or --agt-enforce false), so unreviewed agent tests could not fail it");
        }

        if (record.IgnoredExitCodes?.Intersect(GatingExitCodes).ToList() is { Count: > 0 } ignored && !exempt)
        {
            yield return new Offence(record.File, $"the run was told to ignore exit code {string.Join(", ", ignored)} (--ignore-exit-code or TESTINGPLATFORM_EXITCODE_IGNORE), so failing tests could not fail it");
        }

        var verified = approvals.Select(a => (a.Test, a.Fingerprint)).ToHashSet();
        foreach (var test in record.Approved.Where(t => !verified.Contains((t.Id, t.Fingerprint))))
        {
            yield return new Offence(record.File, $"the run treated {Cli.Output.Inert(test.Id)} as approved, but no verified approval in the ledger approves its fingerprint {Cli.Output.Inert(test.Fingerprint)}");
        }
    }

    private static bool HasAgentTests(TestProject project, IReadOnlyList<Approval> approvals)
    {
        if (approvals.Count > 0)
        {
            return true;
        }

        try
        {
            return project.Inventories.Any(i => File.Exists(i.File) && InventoryFile.Read(i.File).Tests.Count > 0);
        }
        catch (InvalidDataException)
        {
            return true; // an inventory that cannot be read says nothing about the tests: expect a record
        }
    }

    /// <summary>
    /// The records to check: those under the given paths (files, or folders searched below), else
    /// those under each project's folder (dotnet test writes them to TestResults beside the test app).
    /// Of several runs of one assembly, the newest (the names sort by time).
    /// </summary>
    public static IReadOnlyList<string> Find(IReadOnlyList<string> paths, IEnumerable<TestProject> projects)
    {
        var roots = paths.Count > 0 ? paths.Select(Path.GetFullPath) : projects.Select(p => Path.GetDirectoryName(p.ProjectFile)!).Distinct();
        var files = new List<string>();
        foreach (var root in roots)
        {
            if (File.Exists(root))
            {
                files.Add(root);
            }
            else if (Directory.Exists(root))
            {
                files.AddRange(Directory.EnumerateFiles(root, "*.agentrun.json", SearchOption.AllDirectories)
                    .Where(f => !f.Split(Path.DirectorySeparatorChar).Contains("obj")));
            }
        }

        // <assembly>.<yyyyMMddTHHmmss…>.<random>.agentrun.json: group by assembly, keep the newest.
        return [.. files.Distinct()
            .GroupBy(AssemblyOfName)
            .Select(g => g.OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).Last())
            .Order(StringComparer.Ordinal)];
    }

    private static string AssemblyOfName(string file)
    {
        var name = Path.GetFileName(file)[..^".agentrun.json".Length];
        var parts = name.Split('.');
        return parts.Length > 2 ? string.Join('.', parts[..^2]) : name;
    }
}
