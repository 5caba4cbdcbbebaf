namespace AgentTestGuard.TestingPlatform.Results;

/// <summary>A test's final state in a run, as the platform reported it.</summary>
internal enum TestOutcome
{
    Passed,
    Skipped,
    Failed,
    Error,
    TimedOut,
    Cancelled,

    /// <summary>Not executed: an unreviewed agent test in an environment the policy does not allow.</summary>
    NotRun,
}

internal static class TestOutcomeExtensions
{
    /// <summary>The outcomes the platform counts as a failed test (exit code 2).</summary>
    public static bool IsFailure(this TestOutcome outcome) =>
        outcome is TestOutcome.Failed or TestOutcome.Error or TestOutcome.TimedOut or TestOutcome.Cancelled;

    /// <summary>The name used in the run record: camel case, stable.</summary>
    public static string ToRecordName(this TestOutcome outcome) => outcome switch
    {
        TestOutcome.Passed => "passed",
        TestOutcome.Skipped => "skipped",
        TestOutcome.Failed => "failed",
        TestOutcome.Error => "error",
        TestOutcome.TimedOut => "timedOut",
        TestOutcome.Cancelled => "cancelled",
        TestOutcome.NotRun => "notRun",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    /// <summary>The outcome a record name stands for (<see cref="ToRecordName"/>); null for a name it does not know.</summary>
    public static TestOutcome? FromRecordName(string? name) => name switch
    {
        "passed" => TestOutcome.Passed,
        "skipped" => TestOutcome.Skipped,
        "failed" => TestOutcome.Failed,
        "error" => TestOutcome.Error,
        "timedOut" => TestOutcome.TimedOut,
        "cancelled" => TestOutcome.Cancelled,
        "notRun" => TestOutcome.NotRun,
        _ => null,
    };
}
