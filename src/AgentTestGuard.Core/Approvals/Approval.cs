namespace AgentTestGuard.Approvals;

/// <summary>
/// A human's decision that an agent test may gate: bound to the test's fingerprint at the time,
/// so any later edit to the test makes the approval stale.
/// </summary>
/// <param name="Assembly">The test assembly's name: the ledger serves every test project of the repository.</param>
/// <param name="Test">The test's id, as in the inventory.</param>
/// <param name="Approver">Who approved, as "Name &lt;email&gt;".</param>
/// <param name="At">When, in UTC.</param>
/// <param name="Note">Optional: why, or what was checked.</param>
/// <param name="Line">Where the entry is in the ledger, for diagnostics; 0 for an entry not read from a file.</param>
internal sealed record Approval(
    string Assembly,
    string Test,
    string Fingerprint,
    string Approver,
    DateTimeOffset At,
    string? Note = null,
    int Line = 0)
{
    /// <summary>Why a human approved although evidence was missing (`approve --despite`); null otherwise.</summary>
    public string? Despite { get; init; }

    /// <summary>The evidence that was missing (<see cref="MissingEvidence"/> names, in their order); empty unless <see cref="Despite"/> is set.</summary>
    public IReadOnlyList<string> Overrode { get; init; } = [];
}
