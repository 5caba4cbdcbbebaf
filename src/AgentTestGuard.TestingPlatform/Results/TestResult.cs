using AgentTestGuard.TestingPlatform.Classification;

namespace AgentTestGuard.TestingPlatform.Results;

/// <summary>One executed test's latest result.</summary>
/// <param name="Id">The method identity (namespace, type, method); the display name when the framework gave none.</param>
/// <param name="Attempts">
/// How many times the test ran in this run: 1, plus its <see cref="Reruns"/> (early flake detection); 0 when it did not run.
/// </param>
internal sealed record TestResult(
    string Id,
    string DisplayName,
    TestOutcome Outcome,
    TimeSpan? Duration,
    string? FailureMessage,
    TestClass Class,
    int Attempts)
{
    /// <summary>The platform's uid of the test node that reported it; what the platform's filter names to run it again.</summary>
    public string? Uid { get; init; }

    /// <summary>The results of running it again, in order (early flake detection); null when it was not rerun.</summary>
    public IReadOnlyList<RerunAttempt>? Reruns { get; init; }

    public bool IsQuarantinedFailure => Class.IsQuarantined && Outcome.IsFailure();

    public bool IsGatingFailure => !Class.IsQuarantined && Outcome.IsFailure();

    /// <summary>Its attempts (this result and its reruns) include both a pass and a failure.</summary>
    public bool IsFlaky
    {
        get
        {
            if (Reruns is not { Count: > 0 } reruns)
            {
                return false;
            }

            var passed = Outcome == TestOutcome.Passed;
            var failed = Outcome.IsFailure();
            foreach (var rerun in reruns)
            {
                passed |= rerun.Outcome == TestOutcome.Passed;
                failed |= rerun.Outcome.IsFailure();
            }

            return passed && failed;
        }
    }

    /// <summary>How many of its attempts passed.</summary>
    public int PassedAttempts => (Outcome == TestOutcome.Passed ? 1 : 0) + (Reruns?.Count(r => r.Outcome == TestOutcome.Passed) ?? 0);
}

/// <summary>One more execution of a test in the same run (early flake detection).</summary>
/// <param name="FailureMessage">Only on failures.</param>
internal sealed record RerunAttempt(TestOutcome Outcome, TimeSpan? Duration, string? FailureMessage);
