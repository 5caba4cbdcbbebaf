namespace AgentTestGuard.History.Records;

/// <summary>
/// A test's outcome in a run record, with the numbers the store keeps (never renumber: stored
/// histories hold them).
/// </summary>
internal enum Outcome
{
    Passed = 1,
    Failed = 2,
    Error = 3,
    TimedOut = 4,
    Skipped = 5,
    Cancelled = 6,
    NotRun = 7,
}

internal static class Outcomes
{
    /// <summary>The outcome a record names; null for a name the history does not know.</summary>
    public static Outcome? Parse(string? name) => name switch
    {
        "passed" => Outcome.Passed,
        "failed" => Outcome.Failed,
        "error" => Outcome.Error,
        "timedOut" => Outcome.TimedOut,
        "skipped" => Outcome.Skipped,
        "cancelled" => Outcome.Cancelled,
        "notRun" => Outcome.NotRun,
        _ => null,
    };

    /// <summary>A failure for the metrics: failed, an error, or timed out.</summary>
    public static bool IsFailure(this Outcome outcome) => outcome is Outcome.Failed or Outcome.Error or Outcome.TimedOut;
}
