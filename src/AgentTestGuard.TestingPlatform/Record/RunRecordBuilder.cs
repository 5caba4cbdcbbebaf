using AgentTestGuard.Approvals;
using AgentTestGuard.Inventory;
using AgentTestGuard.TestingPlatform.Classification;
using AgentTestGuard.TestingPlatform.Results;

namespace AgentTestGuard.TestingPlatform.Record;

/// <summary>Assembles the run record from the results and the verdict.</summary>
internal static class RunRecordBuilder
{
    public static RunRecordDocument Build(
        string assembly,
        string? inventoryPath,
        TestClassifier classifier,
        IReadOnlyList<TestResult> results,
        IReadOnlyList<AgentTest> notRun,
        RunVerdict verdict,
        RunContext context)
    {
        // Results come in the order the tests finished; a record lists them in report order so that
        // two records of the same suite compare line by line.
        var tests = new List<RunRecordTest>(results.Count + notRun.Count);
        tests.AddRange(results.Select(FromResult));
        tests.AddRange(notRun.Select(FromNotRun));
        tests.Sort((left, right) => ReportOrder.Compare(left.Id, left.DisplayName, right.Id, right.DisplayName));

        return new RunRecordDocument(
            RunRecordDocument.CurrentSchemaVersion,
            $"AgentTestGuard {ProductVersion.Current}",
            assembly,
            classifier.Inventory is null ? null : inventoryPath,
            context.Environment,
            context.EnvironmentAllowsUnreviewedTests,
            context.Enforce,
            context.Machine,
            context.CodeRevision,
            context.StartedAt,
            context.FinishedAt,
            classifier.Inventory?.Owner,
            new RunRecordVerdict(
                verdict.GatingFailures.Count,
                verdict.QuarantinedFailures.Count,
                verdict.IgnoreFailedTestsExitCode,
                verdict.FailsForEnforcement,
                context.Cancelled),
            tests);
    }

    private static RunRecordTest FromResult(TestResult result) =>
        Describe(result.Class, result.Id, result.DisplayName, result.Outcome, result.Duration, result.FailureMessage, result.Attempts);

    private static RunRecordTest FromNotRun(AgentTest test) =>
        Describe(new TestClass(TestKind.Quarantined, test), test.Id, null, TestOutcome.NotRun, null, null, 0);

    private static RunRecordTest Describe(
        TestClass testClass, string id, string? displayName, TestOutcome outcome, TimeSpan? duration, string? message, int attempts)
    {
        var agentTest = testClass.AgentTest;
        return new RunRecordTest(
            id,
            // Left out where it repeats the id (xunit's default): a quarter of a large record's bytes.
            displayName == id ? null : displayName,
            outcome.ToRecordName(),
            duration is { } d ? Math.Round(d.TotalMilliseconds, 3) : null,
            message,
            attempts,
            testClass.Kind switch
            {
                TestKind.Approved => "approved",
                TestKind.Quarantined => "quarantined",
                _ => "gating",
            },
            testClass.Approval is { } approval ? ApprovalStates.Name(approval) : null,
            agentTest?.Agent,
            agentTest is not null && agentTest.Id != id ? agentTest.Id : null,
            agentTest?.Fingerprint,
            agentTest?.Criteria);
    }
}

/// <summary>The run-level facts of a record.</summary>
internal sealed record RunContext(
    string Environment,
    bool EnvironmentAllowsUnreviewedTests,
    bool Enforce,
    string Machine,
    CodeRevision? CodeRevision,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    bool Cancelled);
