namespace AgentTestGuard.Selection;

/// <summary>What a command's test patterns selected.</summary>
/// <param name="Ids">The selected ids, each once, in ordinal order.</param>
/// <param name="Unmatched">
/// The patterns that selected nothing, each once, in the order given: usually a typo, which a
/// command reports (and fails on) rather than silently doing less than asked.
/// </param>
internal sealed record SelectionResult(IReadOnlyList<string> Ids, IReadOnlyList<string> Unmatched);
