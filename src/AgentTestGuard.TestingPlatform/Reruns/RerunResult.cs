using AgentTestGuard.TestingPlatform.Results;

namespace AgentTestGuard.TestingPlatform.Reruns;

/// <summary>A result a rerun child reported: matched to the run's first result by <see cref="Uid"/> and <see cref="DisplayName"/>.</summary>
internal sealed record RerunResult(string Uid, string Id, string DisplayName, TestOutcome Outcome, TimeSpan? Duration, string? FailureMessage)
{
    public RerunAttempt ToAttempt() => new(Outcome, Duration, Outcome.IsFailure() ? FailureMessage : null);
}
