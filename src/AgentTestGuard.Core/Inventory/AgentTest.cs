namespace AgentTestGuard.Inventory;

/// <summary>
/// One agent test as found in a compiled test assembly.
/// </summary>
/// <param name="Id">
/// The test's identity across builds: the declaring type's full name (nested types joined with
/// '+', as reflection writes them) and the method name, joined with '.'.
/// </param>
/// <param name="Fingerprint">The stable hash of the test's content, see docs/fingerprint.md.</param>
/// <param name="Source">Where the test's code starts, from the PDB; null when there is no PDB.</param>
internal sealed record AgentTest(
    string Id,
    string TypeName,
    string MethodName,
    string Agent,
    AgentEvidence Evidence,
    IReadOnlyList<string> Criteria,
    string Fingerprint,
    SourceLocation? Source)
{
    /// <summary>Whether a human approved the test, from the ledger; null where the ledger was not consulted.</summary>
    public Approvals.TestApproval? Approval { get; init; }

    /// <summary>
    /// The classes of the same assembly that inherit the test and run it as their own, by full name, sorted:
    /// test frameworks report an inherited test under the derived class's name (<see cref="InheritedTests"/>).
    /// </summary>
    public IReadOnlyList<string> InheritedBy { get; init; } = [];

    /// <summary>Why the test cannot fail (AGT0020), from its IL; null when it can.</summary>
    public Assertions.CannotFail? CannotFail { get; init; }

    /// <summary>
    /// The attribute that tags the test, as the user wrote it (AgentGenerated, or xunit v3's AgentFact
    /// or AgentTheory), so that a fix text names what they use. Not kept in the inventory.
    /// </summary>
    public string Tag { get; init; } = "AgentGenerated";

    /// <summary>The tag written out with an agent and <paramref name="criteria"/> (already quoted), as a fix text shows it.</summary>
    public static string TagExample(string tag, string criteria, string agent = "copilot") => tag == "AgentGenerated"
        ? $"[AgentGenerated(\"{agent}\", Criteria = [{criteria}])]"
        : $"[{tag}(\"{agent}\", {criteria})]";
}

/// <summary>Optional facts an agent test carries about how it was produced.</summary>
internal sealed record AgentEvidence(string? Model = null, string? Session = null, string? Prompt = null)
{
    public static readonly AgentEvidence None = new();
}

/// <summary>A 1-based line in a source file.</summary>
internal sealed record SourceLocation(string File, int Line);
