using AgentTestGuard.Inventory;

namespace AgentTestGuard.InventoryFormat;

/// <summary>
/// What the build writes about a test assembly's agent tests (&lt;assembly&gt;.agenttests.json,
/// in obj/ and next to the assembly), for the run-time extension and the tool to read without
/// opening the assembly again. The format is documented in docs/files.md.
/// </summary>
/// <param name="SchemaVersion">Raised when a reader of an older version could misread the file.</param>
/// <param name="Generator">The package and version that wrote the file.</param>
internal sealed record InventoryDocument(
    int SchemaVersion,
    string Generator,
    string Assembly,
    string? PolicyFile,
    string? CriteriaFile,
    string? ApprovalsFile,
    IReadOnlyList<AgentTest> Tests)
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>The workflow's owner from the policy, for run-time reports.</summary>
    public string? Owner { get; init; }

    /// <summary>
    /// Where unreviewed agent tests may execute, copied from the policy so that a test run needs
    /// no repository; null when no policy applied (the defaults hold).
    /// </summary>
    public IReadOnlyList<string>? Environments { get; init; }

    public const string FileSuffix = ".agenttests.json";
}
