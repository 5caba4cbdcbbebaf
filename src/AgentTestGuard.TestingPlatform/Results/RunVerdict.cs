using AgentTestGuard.Inventory;

namespace AgentTestGuard.TestingPlatform.Results;

/// <summary>
/// What the run's results mean for its exit code. The package never changes a gating test's
/// result: it only asks the platform to overlook "a test failed" when every failed test is
/// quarantined, and, in enforce mode, adds a failure of its own.
/// </summary>
internal sealed record RunVerdict(
    IReadOnlyList<TestResult> GatingFailures,
    IReadOnlyList<TestResult> QuarantinedFailures,
    bool IgnoreFailedTestsExitCode,
    IReadOnlyList<AgentTest> UnreviewedInEnforceMode,
    bool OwnerMissingInEnforceMode)
{
    public bool FailsForEnforcement => UnreviewedInEnforceMode.Count > 0 || OwnerMissingInEnforceMode;

    /// <summary>The agent tests (by inventory id) whose attempts in this run both passed and failed (early flake detection).</summary>
    public IReadOnlyCollection<string> FlakyTests { get; init; } = [];

    /// <param name="results">The run's results, in any order; the failures are listed in <see cref="ReportOrder"/>.</param>
    /// <param name="ownerNamed">Whether the policy names the workflow's owner; enforce mode requires one.</param>
    /// <param name="quarantinedInInventory">Every quarantined agent test of the assembly, executed or not.</param>
    /// <param name="cancelled">
    /// The session was cancelled or aborted. The platform ranks "a test failed" above "aborted", so
    /// overlooking it then could turn an aborted run into a green one.
    /// </param>
    public static RunVerdict Decide(
        IReadOnlyList<TestResult> results,
        IReadOnlyList<AgentTest> quarantinedInInventory,
        int agentTestsInInventory,
        bool enforce,
        bool ownerNamed,
        bool cancelled)
    {
        // One pass, while the run waits: a large run has tens of thousands of results and few failures.
        var gating = new List<TestResult>();
        var quarantined = new List<TestResult>();
        HashSet<string>? flaky = null;
        foreach (var result in results)
        {
            if (result.Reruns is not null && result.IsFlaky && result.Class.AgentTest is { } agentTest)
            {
                (flaky ??= new(StringComparer.Ordinal)).Add(agentTest.Id);
            }

            if (result.IsQuarantinedFailure)
            {
                quarantined.Add(result);
            }
            else if (result.IsGatingFailure)
            {
                gating.Add(result);
            }
        }

        gating.Sort(ReportOrder.Results);
        quarantined.Sort(ReportOrder.Results);
        var unreviewed = enforce ? quarantinedInInventory : [];
        var ownerMissing = enforce && !ownerNamed && agentTestsInInventory > 0;

        // Enforce mode fails the run with a failed test of its own: overlooking "a test failed"
        // then would overlook that failure too.
        var failsForEnforcement = unreviewed.Count > 0 || ownerMissing;
        var ignore = gating.Count == 0 && quarantined.Count > 0 && !cancelled && !failsForEnforcement;
        return new RunVerdict(gating, quarantined, ignore, unreviewed, ownerMissing) { FlakyTests = flaky ?? [] };
    }
}
