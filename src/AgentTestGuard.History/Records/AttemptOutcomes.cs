namespace AgentTestGuard.History.Records;

/// <summary>
/// What a result's attempts showed when the record lists them one by one (its <c>reruns</c>, or
/// <c>flaky</c>): one byte per result in the store (<see cref="Store.PackedResults"/>; never
/// renumber). <see cref="None"/> for a record without them, read as before reruns existed.
/// </summary>
[Flags]
internal enum AttemptOutcomes : byte
{
    /// <summary>Not listed attempt by attempt: the first outcome and <c>attempts</c> (a retry extension's) tell.</summary>
    None = 0,

    /// <summary>The attempts were listed: <see cref="Passed"/> and <see cref="Failed"/> say what they included.</summary>
    Listed = 1,

    /// <summary>An attempt passed.</summary>
    Passed = 2,

    /// <summary>An attempt failed (failed, an error, or timed out).</summary>
    Failed = 4,
}

/// <summary>
/// A result's verdict within its run (docs/metrics.md): it <b>failed in the run</b> when any attempt
/// failed, <b>passed in the run</b> when any attempt passed, and is <b>flaky within the run</b> when both.
/// </summary>
internal static class Attempts
{
    /// <summary>Adds one attempt's outcome: skipped, cancelled and not run add nothing but the listing.</summary>
    public static AttemptOutcomes With(this AttemptOutcomes listed, Outcome outcome) =>
        listed | AttemptOutcomes.Listed
        | (outcome == Outcome.Passed ? AttemptOutcomes.Passed : outcome.IsFailure() ? AttemptOutcomes.Failed : AttemptOutcomes.None);

    /// <summary>What a record's <c>flaky: true</c> says: its attempts included a pass and a failure.</summary>
    public const AttemptOutcomes Flaky = AttemptOutcomes.Listed | AttemptOutcomes.Passed | AttemptOutcomes.Failed;

    public static bool PassedInRun(Outcome first, AttemptOutcomes listed) =>
        (listed & AttemptOutcomes.Listed) != 0 ? (listed & AttemptOutcomes.Passed) != 0 : first == Outcome.Passed;

    /// <summary>
    /// Without a listing, a pass with attempts above 1 passed after failing (a retry extension
    /// reruns only failures): it failed in the run too.
    /// </summary>
    public static bool FailedInRun(Outcome first, int attempts, AttemptOutcomes listed) =>
        (listed & AttemptOutcomes.Listed) != 0
            ? (listed & AttemptOutcomes.Failed) != 0
            : first.IsFailure() || (first == Outcome.Passed && attempts > 1);
}
