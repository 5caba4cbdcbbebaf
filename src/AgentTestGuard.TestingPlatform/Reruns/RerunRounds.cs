namespace AgentTestGuard.TestingPlatform.Reruns;

/// <summary>Runs the test app once for a round: the given test nodes, stopped after <c>timeout</c>.</summary>
internal interface IRerunLauncher
{
    /// <exception cref="OperationCanceledException">The run was cancelled; the child was stopped first.</exception>
    Task<RerunRoundResult> RunAsync(IReadOnlyList<string> uids, TimeSpan timeout, CancellationToken cancellationToken);
}

/// <summary>What one round's test app reported: its results, or why there are none.</summary>
/// <param name="TimedOut">It ran past the time left in the budget and was stopped: its results are dropped.</param>
/// <param name="Problem">Why it has no results (not started, results unreadable); null otherwise.</param>
internal sealed record RerunRoundResult(IReadOnlyList<RerunResult>? Results, bool TimedOut, string? Problem);

/// <summary>Every round's results, and the run-level report.</summary>
internal sealed record RerunRun(IReadOnlyList<IReadOnlyList<RerunResult>> Rounds, RerunReport Report);

/// <summary>
/// Runs the rounds of a plan within the time budget. Round <c>n</c> runs, in one test app, every test
/// that has an <c>n</c>th rerun to go (<see cref="RerunPlan.ForRound"/>). A round is not started when
/// its estimate would pass the budget: the time a test app takes to start (at first this process's own
/// start-up, then what the last round took beyond its tests' durations) plus the first durations of
/// its tests. A round still running when the budget is spent is stopped and its results dropped.
/// </summary>
internal static class RerunRounds
{
    /// <param name="startUp">The first estimate of a test app's start-up: how long this process took to start its session.</param>
    public static async Task<RerunRun> RunAsync(
        RerunPlan plan, int budgetSeconds, TimeSpan startUp, IRerunLauncher launcher, TimeProvider clock, CancellationToken cancellationToken)
    {
        var budget = TimeSpan.FromSeconds(budgetSeconds);
        var started = clock.GetTimestamp();
        var rounds = new List<IReadOnlyList<RerunResult>>();
        string? stopped = null;
        for (var round = 1; round <= plan.Requested; round++)
        {
            var candidates = plan.ForRound(round);
            if (candidates.Count == 0)
            {
                break;
            }

            var tests = Sum(candidates);
            var elapsed = clock.GetElapsedTime(started);
            if (elapsed + startUp + tests > budget)
            {
                stopped = RerunReport.Budget;
                break;
            }

            var roundStarted = clock.GetTimestamp();
            RerunRoundResult result;
            try
            {
                result = await launcher.RunAsync([.. candidates.Select(c => c.Uid)], budget - elapsed, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                stopped = RerunReport.Cancelled;
                break;
            }

            if (result.TimedOut)
            {
                stopped = RerunReport.Budget;
                break;
            }

            if (result.Results is not { } results)
            {
                stopped = result.Problem ?? "the test app reported no results";
                break;
            }

            var asked = candidates.Select(c => c.Uid).ToHashSet(StringComparer.Ordinal);
            if (!results.Any(r => asked.Contains(r.Uid)))
            {
                // Nothing to learn from more rounds: the filter by uid did not reach these tests.
                stopped = "the test app ran none of the tests asked for";
                break;
            }

            rounds.Add(results);
            var took = clock.GetElapsedTime(roundStarted);
            startUp = took > tests ? took - tests : TimeSpan.Zero;
        }

        return new RerunRun(rounds, new RerunReport(plan.Requested, budgetSeconds, rounds.Count, stopped));
    }

    private static TimeSpan Sum(IReadOnlyList<RerunCandidate> candidates)
    {
        var sum = TimeSpan.Zero;
        foreach (var candidate in candidates)
        {
            sum += candidate.Duration;
        }

        return sum;
    }
}
