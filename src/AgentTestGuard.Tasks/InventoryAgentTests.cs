using AgentTestGuard.Configuration;
using AgentTestGuard.Diagnostics;
using AgentTestGuard.Files;
using AgentTestGuard.Inventory;
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
    [Required]
    public string AssemblyPath { get; set; } = "";

    [Required]
    public string InventoryPath { get; set; } = "";

    [Required]
    public string ProjectDirectory { get; set; } = "";

    public string? PolicyFile { get; set; }

    public string? CriteriaFile { get; set; }

    public ITaskItem[] ReferencePaths { get; set; } = [];

    /// <summary>SourceRoot items; those with MappedPath metadata map PDB paths back to local ones.</summary>
    public ITaskItem[] SourceRoots { get; set; } = [];

    [Output]
    public int AgentTestCount { get; private set; }

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
        if (scan.Tests.Count > 0)
        {
            var configuration = RepositoryConfiguration.Load(PolicyFile, CriteriaFile, out var configurationDiagnostics);
            Report(configurationDiagnostics);
            Report(AgentTestValidator.Validate(scan.Tests, configuration, AssemblyPath, ProjectDirectory));
        }

        if (Log.HasLoggedErrors)
        {
            return false;
        }

        AgentTestCount = scan.Tests.Count;
        InventoryFile.Write(InventoryPath, new InventoryDocument(
            InventoryDocument.CurrentSchemaVersion,
            Generator,
            scan.AssemblyName,
            NullIfEmpty(PolicyFile),
            NullIfEmpty(CriteriaFile),
            scan.Tests));
        return true;
    }

    private static string Generator { get; } =
        $"AgentTestGuard {ProductVersion.Current}";

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
