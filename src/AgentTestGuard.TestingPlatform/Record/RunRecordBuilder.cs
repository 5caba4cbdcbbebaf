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
        var tests = new TestResult[results.Count + notRun.Count];
        var next = 0;
        foreach (var result in results)
        {
            tests[next++] = result;
        }

        foreach (var test in notRun)
        {
            tests[next++] = new TestResult(test.Id, test.Id, TestOutcome.NotRun, null, null, new TestClass(TestKind.Quarantined, test), Attempts: 0);
        }

        Array.Sort(tests, InRecordOrder);

        return new RunRecordDocument(
            RunRecordDocument.CurrentSchemaVersion,
            $"AgentTestGuard {ProductVersion.Current}",
            context.RunId,
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
            new DescribedTests(tests))
        {
            IgnoredExitCodes = context.IgnoredExitCodes,
            Reruns = context.Reruns is { } reruns ? new RunRecordReruns(reruns.Requested, reruns.BudgetSeconds, reruns.Rounds, reruns.Stopped) : null,
        };
    }

    // Report order, by the display names the record shows (none where it repeats the id).
    private static readonly Comparison<TestResult> InRecordOrder =
        (left, right) => ReportOrder.Compare(left.Id, RecordedDisplayName(left), right.Id, RecordedDisplayName(right));

    // Left out where it repeats the id (xunit's default): a quarter of a large record's bytes.
    private static string? RecordedDisplayName(TestResult result) => result.DisplayName == result.Id ? null : result.DisplayName;

    private static RunRecordTest Describe(TestResult result)
    {
        var testClass = result.Class;
        var agentTest = testClass.AgentTest;
        return new RunRecordTest(
            result.Id,
            RecordedDisplayName(result),
            result.Outcome.ToRecordName(),
            result.Duration is { } d ? Math.Round(d.TotalMilliseconds, 3) : null,
            result.FailureMessage,
            result.Attempts,
            testClass.Kind switch
            {
                TestKind.Approved => "approved",
                TestKind.Quarantined => "quarantined",
                _ => "gating",
            },
            testClass.Approval is { } approval ? ApprovalStates.Name(approval) : null,
            agentTest?.Agent,
            agentTest is not null && agentTest.Id != result.Id ? agentTest.Id : null,
            agentTest?.Fingerprint,
            agentTest?.Criteria)
        {
            Reruns = result.Reruns is { } reruns ? [.. reruns.Select(Describe)] : null,
            Flaky = result.IsFlaky ? true : null,
        };
    }

    private static RunRecordRerun Describe(RerunAttempt rerun) =>
        new(rerun.Outcome.ToRecordName(), rerun.Duration is { } d ? Math.Round(d.TotalMilliseconds, 3) : null, rerun.FailureMessage);

    /// <summary>
    /// The record's tests, each described when it is read. The record is written while the platform
    /// ends the run, and a described copy of every result made 1.2 MB of objects there, half of all
    /// the extension allocated after the session (build/benchmark-run.sh's 10,000-test suite). With
    /// the TRX report writing its own file at the same time, those collections tipped the collector
    /// into a full (background) collection after the session in 4 of 6 runs; described one at a
    /// time, in none of 6.
    /// </summary>
    private sealed class DescribedTests(TestResult[] results) : IReadOnlyList<RunRecordTest>
    {
        public RunRecordTest this[int index] => Describe(results[index]);

        public int Count => results.Length;

        public IEnumerator<RunRecordTest> GetEnumerator()
        {
            foreach (var result in results)
            {
                yield return Describe(result);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>The run-level facts of a record.</summary>
/// <param name="RunId">A new id for every run: <see cref="NewRunId"/>.</param>
internal sealed record RunContext(
    string RunId,
    string Environment,
    bool EnvironmentAllowsUnreviewedTests,
    bool Enforce,
    string Machine,
    CodeRevision? CodeRevision,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    bool Cancelled)
{
    public static string NewRunId() => Guid.NewGuid().ToString("N");

    /// <summary>The exit codes the user told the platform to ignore (<see cref="UserExitCodeIgnore"/>).</summary>
    public IReadOnlyList<int> IgnoredExitCodes { get; init; } = [];

    /// <summary>What early flake detection did; null when it did not apply.</summary>
    public Reruns.RerunReport? Reruns { get; init; }
}
