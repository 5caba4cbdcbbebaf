using AgentTestGuard.Approvals;
using AgentTestGuard.Assertions;
using AgentTestGuard.Configuration;
using AgentTestGuard.Decisions;
using AgentTestGuard.Diagnostics;
using AgentTestGuard.Incidents;
using AgentTestGuard.Inventory;
using AgentTestGuard.InventoryFormat;
using AgentTestGuard.Validation;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace AgentTestGuard.Tasks;

/// <summary>
/// Reads the compiled test assembly's agent tests (metadata and PDB, never loading the code),
/// validates them against the policy and criteria catalog, and writes the inventory.
/// </summary>
public sealed class InventoryAgentTests : Task
{
    /// <summary>The compiled test assembly (the intermediate assembly, before it is copied to the output).</summary>
    [Required]
    public string AssemblyPath { get; set; } = "";

    /// <summary>Where the inventory is written (docs/files.md), replaced atomically.</summary>
    [Required]
    public string InventoryPath { get; set; } = "";

    /// <summary>The test project's directory, where the policy and catalog were looked for from: a finding about a missing file names it.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>The repository's policy file (AgentTestGuardPolicyFile); absent or empty means the default policy.</summary>
    public string? PolicyFile { get; set; }

    /// <summary>The acceptance-criteria catalog (AgentTestGuardCriteriaFile); absent or empty means no catalog.</summary>
    public string? CriteriaFile { get; set; }

    /// <summary>The approvals ledger (AgentTestGuardApprovalsFile); absent or empty means no approvals.</summary>
    public string? ApprovalsFile { get; set; }

    /// <summary>The incident log: its rejections of a test's current version win over approvals. Absent is none.</summary>
    public string? IncidentsFile { get; set; }

    /// <summary>The stop-rule decisions file: a stopped agent's tests that await review are refused (AGT0019). Absent is none.</summary>
    public string? DecisionsFile { get; set; }

    /// <summary>
    /// false only in the builds `dotnet agt` runs to read the inventory: a reviewer must be able to
    /// approve a stopped agent's tests, which the refusal would otherwise keep from being listed.
    /// </summary>
    public bool RefuseStoppedAgents { get; set; } = true;

    /// <summary>The assemblies the test assembly was compiled against, to resolve the types its tests call.</summary>
    public ITaskItem[] ReferencePaths { get; set; } = [];

    /// <summary>The project file, where a finding about the project itself points.</summary>
    public string? ProjectFile { get; set; }

    /// <summary>
    /// Why the project's agent tests cannot be quarantined (it is not a Microsoft.Testing.Platform
    /// app on .NET 8 or later), as the targets describe it; empty when they can.
    /// </summary>
    public string? NoQuarantineReason { get; set; }

    /// <summary>SourceRoot items; those with MappedPath metadata map PDB paths back to local ones.</summary>
    public ITaskItem[] SourceRoots { get; set; } = [];

    /// <summary>Writes the inventory and logs each finding as a coded warning or error at its file and position.</summary>
    /// <returns><see langword="false"/> when a finding is an error.</returns>
    public override bool Execute()
    {
        var scan = AssemblyScanner.Scan(new ScanRequest(AssemblyPath)
        {
            ReferencePaths = ReferencePaths.Select(r => r.GetMetadata("FullPath")).ToArray(),
            SourcePathMap = SourceRoots
                .Where(r => !string.IsNullOrEmpty(r.GetMetadata("MappedPath")))
                .Select(r => new KeyValuePair<string, string>(r.GetMetadata("MappedPath"), r.GetMetadata("FullPath")))
                .ToArray(),
        });
        Report(scan.Diagnostics);

        // Files are read only when there is something to check, so that a project without
        // agent tests is not affected by a malformed policy somewhere above it.
        var tests = scan.Tests;
        Policy? policy = null;
        IReadOnlyList<Diagnostic> cannotFail = [];
        if (tests.Count > 0)
        {
            var configuration = RepositoryConfiguration.Load(PolicyFile, CriteriaFile, ApprovalsFile, out var configurationDiagnostics);
            Report(configurationDiagnostics);
            if (!string.IsNullOrWhiteSpace(NoQuarantineReason))
            {
                Report([Descriptors.NoQuarantine.At(ProjectFile,
                    $"Quarantine needs Microsoft.Testing.Platform on .NET 8 or later; this test project ({NoQuarantineReason}) runs its {(tests.Count == 1 ? "agent test" : $"{tests.Count} agent tests")} " +
                    "as gating tests, so an unapproved agent test that fails fails the run. Move the project to the platform's runner (docs/run-time.md).")]);
            }

            Report(AgentTestValidator.Validate(tests, configuration, AssemblyPath, ProjectDirectory));
            tests = CannotFailFindings.Apply(scan, configuration.Policy?.Assertions ?? [], AssemblyPath, out cannotFail);
            var incidents = LoadIncidents();
            tests = ApprovalClassifier.Classify(
                scan.AssemblyName, tests, configuration.Approvals ?? [], incidents, configuration.Policy, ApprovalsFile ?? "", out var approvalDiagnostics);
            Report(approvalDiagnostics);
            var decisions = LoadDecisions(configuration.Policy);
            if (RefuseStoppedAgents)
            {
                Report(StoppedAgents.Refuse(tests, decisions, DecisionsFile ?? "", AssemblyPath));
            }

            policy = configuration.Policy;
        }

        if (Log.HasLoggedErrors)
        {
            return false;
        }

        // Reported with the inventory that records them: a build stopped by errors shows those alone.
        Report(cannotFail);

        InventoryFile.Write(InventoryPath, new InventoryDocument(
            InventoryDocument.CurrentSchemaVersion,
            Generator,
            scan.AssemblyName,
            NullIfEmpty(PolicyFile),
            NullIfEmpty(CriteriaFile),
            NullIfEmpty(ApprovalsFile),
            tests)
        {
            Owner = policy?.Owner,
            Environments = policy?.Environments,
        });
        return true;
    }

    private static string Generator { get; } =
        $"AgentTestGuard {ProductVersion.Current}";

    // The log sits beside the ledger and may not exist yet: no log, no rejections. A log that does
    // not read fails the build (AGT0017) rather than losing the rejections it holds.
    private IReadOnlyList<Incident> LoadIncidents()
    {
        if (string.IsNullOrWhiteSpace(IncidentsFile) || !File.Exists(IncidentsFile))
        {
            return [];
        }

        var incidents = IncidentLog.Load(IncidentsFile, out var diagnostics);
        Report(diagnostics);
        return incidents ?? [];
    }

    // Like the incident log: no file, no decisions; one that does not read, or that holds a decision
    // not made by a human, fails the build (AGT0018) rather than dropping a stop.
    private IReadOnlyList<AgentDecision> LoadDecisions(Policy? policy)
    {
        if (string.IsNullOrWhiteSpace(DecisionsFile) || !File.Exists(DecisionsFile))
        {
            return [];
        }

        var decisions = DecisionLog.Load(DecisionsFile, out var diagnostics);
        Report(diagnostics);
        Report(HumanDecisions.Check(decisions ?? [], policy, DecisionsFile, out var human));
        return human;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private void Report(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            // No message arguments: MSBuild then uses the message as it is, so braces in an
            // agent-written id cannot be taken for format placeholders.
            if (d.Severity == DiagnosticSeverity.Error)
            {
                Log.LogError(null, d.Code, null, d.Descriptor.HelpLink, d.File, d.Line, d.Column, 0, 0, d.Message);
            }
            else
            {
                Log.LogWarning(null, d.Code, null, d.Descriptor.HelpLink, d.File, d.Line, d.Column, 0, 0, d.Message);
            }
        }
    }
}
