using AgentTestGuard.TestingPlatform.Classification;
using AgentTestGuard.TestingPlatform.Results;
using Microsoft.Testing.Platform.Extensions.Messages;

namespace AgentTestGuard.TestingPlatform.Session;

/// <summary>Turns the platform's test node updates into <see cref="TestResult"/>s.</summary>
internal static class TestNodeReader
{
    /// <summary>The result a node reports; null for updates that are not a result (discovered, in progress).</summary>
    /// <remarks>
    /// Runs for every update of every test (twenty thousand in a 10,000-test run), so it asks the
    /// property bag for the state, which the bag keeps apart, and walks the bag's list for the rest
    /// without an enumerator: enumerating allocated one per result, and its interface calls ran the
    /// platform's unoptimized code for each property. Where a framework reports a property twice,
    /// the first counts (FirstOrDefault); nothing throws, since an exception here would break the run.
    /// </remarks>
    public static TestResult? Read(TestNode node, TestClassifier classifier)
    {
        var state = node.Properties.SingleOrDefault<TestNodeStateProperty>();
        if (Outcome(state) is not { } outcome)
        {
            return null;
        }

        var method = node.Properties.FirstOrDefault<TestMethodIdentifierProperty>();
        var timing = node.Properties.FirstOrDefault<TimingProperty>();
        var id = method is null
            ? node.DisplayName
            : TestClassifier.TestId(method.Namespace, method.TypeName, method.MethodName, spelledAs: node.DisplayName);
        var testClass = method is null ? TestClass.Gating : classifier.Classify(id);
        var message = outcome.IsFailure() ? FailureMessage(state!) : null;
        return new TestResult(id, node.DisplayName, outcome, timing?.GlobalTiming.Duration, message, testClass, Attempts: 1) { Uid = node.Uid.Value };
    }

    private static TestOutcome? Outcome(TestNodeStateProperty? state) => state switch
    {
        PassedTestNodeStateProperty => TestOutcome.Passed,
        SkippedTestNodeStateProperty => TestOutcome.Skipped,
        FailedTestNodeStateProperty => TestOutcome.Failed,
        ErrorTestNodeStateProperty => TestOutcome.Error,
        TimeoutTestNodeStateProperty => TestOutcome.TimedOut,
#pragma warning disable MTP0001 // Obsolete, but frameworks still report it and the platform counts it as failed.
        CancelledTestNodeStateProperty => TestOutcome.Cancelled,
#pragma warning restore MTP0001
        _ => null,
    };

    private static string? FailureMessage(TestNodeStateProperty state)
    {
        var exception = state switch
        {
            FailedTestNodeStateProperty failed => failed.Exception,
            ErrorTestNodeStateProperty error => error.Exception,
            TimeoutTestNodeStateProperty timeout => timeout.Exception,
            _ => null,
        };
        return exception?.Message is { Length: > 0 } fromException ? fromException : state.Explanation;
    }
}
