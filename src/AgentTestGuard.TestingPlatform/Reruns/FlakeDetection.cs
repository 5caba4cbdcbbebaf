using AgentTestGuard.Inventory;
using AgentTestGuard.TestingPlatform.Environments;
using AgentTestGuard.TestingPlatform.Results;
using AgentTestGuard.TestingPlatform.Settings;

namespace AgentTestGuard.TestingPlatform.Reruns;

/// <summary>
/// Early flake detection in the test run's own process, at the end of its session: plans which tests
/// run again (<see cref="RerunPlan"/>), runs the rounds within the budget (<see cref="RerunRounds"/>)
/// in new test apps (<see cref="TestAppRerunLauncher"/>), and adds their results to the first ones
/// (<see cref="RerunMerge"/>). Loaded only when a quarantined test ran and reruns were asked for.
/// </summary>
internal static class FlakeDetection
{
    /// <returns>
    /// The results with their reruns, and the run-level report; the results unchanged and no report
    /// when nothing qualifies (every quarantined test that ran was skipped or rejected).
    /// </returns>
    public static async Task<(IReadOnlyList<TestResult> Results, RerunReport? Report)> RunAsync(
        IReadOnlyList<TestResult> results,
        RerunSettings settings,
        Func<AgentTest, bool> isRejected,
        TimeSpan startUp,
        CancellationToken cancellationToken)
    {
        var plan = RerunPlan.Make(results, settings.Reruns, isRejected);
        if (plan.IsEmpty)
        {
            return (results, null);
        }

        if (TestApp.Current() is not { } app)
        {
            return (results, new RerunReport(plan.Requested, settings.BudgetSeconds, 0, "the test app's location is unknown"));
        }

        var folder = Path.Combine(Path.GetTempPath(), $"agt-reruns-{Guid.NewGuid():N}");
        try
        {
            var run = await RerunRounds.RunAsync(
                plan, settings.BudgetSeconds, startUp, new TestAppRerunLauncher(app, folder), TimeProvider.System, cancellationToken).ConfigureAwait(false);
            return (RerunMerge.Merge(results, plan, run.Rounds), run.Report);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (results, new RerunReport(plan.Requested, settings.BudgetSeconds, 0, $"the reruns' folder could not be written: {e.Message}"));
        }
        finally
        {
            TryDelete(folder);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover in the temp folder; the results are kept.
        }
    }
}
