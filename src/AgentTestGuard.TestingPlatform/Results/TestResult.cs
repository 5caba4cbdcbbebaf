using AgentTestGuard.TestingPlatform.Classification;

namespace AgentTestGuard.TestingPlatform.Results;

/// <summary>One executed test's latest result.</summary>
/// <param name="Id">The method identity (namespace, type, method); the display name when the framework gave none.</param>
/// <param name="Attempts">How many results the test reported: more than one when it was retried.</param>
internal sealed record TestResult(
    string Id,
    string DisplayName,
    TestOutcome Outcome,
    TimeSpan? Duration,
    string? FailureMessage,
    TestClass Class,
    int Attempts)
{
    public bool IsQuarantinedFailure => Class.IsQuarantined && Outcome.IsFailure();

    public bool IsGatingFailure => !Class.IsQuarantined && Outcome.IsFailure();
}
