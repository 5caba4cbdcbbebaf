using AgentTestGuard.Approvals;
using AgentTestGuard.TestingPlatform.Results;
using AgentTestGuard.TestingPlatform.Reruns;
using AgentTestGuard.TestingPlatform.Tests.TestSupport;
using Xunit;

namespace AgentTestGuard.TestingPlatform.Tests.Reruns;

public sealed class RerunRoundsTests
{
    private static readonly Inventory.AgentTest Fast = Make.Test("Shop.Tests.CartTests.Fast", ApprovalState.Unapproved);
    private static readonly Inventory.AgentTest Slow = Make.Test("Shop.Tests.CartTests.Slow", ApprovalState.Unapproved);

    private static RerunPlan Plan(int requested, double slowSeconds = 0.001) => RerunPlan.Make(
        [
            Make.Of(Fast, TestOutcome.Failed, duration: TimeSpan.FromMilliseconds(1)) with { Uid = "fast" },
            Make.Of(Slow, TestOutcome.Passed, duration: TimeSpan.FromSeconds(slowSeconds)) with { Uid = "slow" },
        ],
        requested,
        _ => false);

    [Fact]
    public async Task Every_round_runs_when_the_budget_allows()
    {
        var launcher = new FakeLauncher(new SteppedClock(), TimeSpan.FromSeconds(1));

        var run = await RerunRounds.RunAsync(Plan(3), 120, TimeSpan.FromSeconds(1), launcher, launcher.Clock, CancellationToken.None);

        Assert.Equal(new RerunReport(3, 120, 3, null), run.Report);
        Assert.Equal(3, run.Rounds.Count);
        Assert.Equal(["fast slow", "fast slow", "fast slow"], launcher.Asked);
        Assert.Equal([TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(119), TimeSpan.FromSeconds(118)], launcher.Timeouts);
    }

    [Fact]
    public async Task A_round_whose_estimate_passes_the_budget_is_not_started()
    {
        // Each round takes 4 s: 3 s of start-up, as the first estimate said, and the slow test's 1 s.
        var launcher = new FakeLauncher(new SteppedClock(), TimeSpan.FromSeconds(4));

        var run = await RerunRounds.RunAsync(Plan(5, slowSeconds: 1), 10, TimeSpan.FromSeconds(3), launcher, launcher.Clock, CancellationToken.None);

        // 0 + 3 + 1 fits in 10, 4 + 3 + 1 does, 8 + 3 + 1 does not.
        Assert.Equal(new RerunReport(5, 10, 2, RerunReport.Budget), run.Report);
        Assert.Equal(2, launcher.Asked.Count);
    }

    [Fact]
    public async Task A_round_stopped_at_the_budget_is_dropped()
    {
        var launcher = new FakeLauncher(new SteppedClock(), TimeSpan.FromSeconds(1)) { TimesOutInRound = 2 };

        var run = await RerunRounds.RunAsync(Plan(5), 120, TimeSpan.Zero, launcher, launcher.Clock, CancellationToken.None);

        Assert.Equal(new RerunReport(5, 120, 1, RerunReport.Budget), run.Report);
        Assert.Single(run.Rounds);
    }

    [Fact]
    public async Task A_test_app_that_cannot_start_stops_the_reruns_with_its_reason()
    {
        var launcher = new FakeLauncher(new SteppedClock(), TimeSpan.Zero) { Problem = "the test app could not be started: no such file" };

        var run = await RerunRounds.RunAsync(Plan(5), 120, TimeSpan.Zero, launcher, launcher.Clock, CancellationToken.None);

        Assert.Equal(new RerunReport(5, 120, 0, "the test app could not be started: no such file"), run.Report);
        Assert.Empty(run.Rounds);
        Assert.Single(launcher.Asked);
    }

    [Fact]
    public async Task A_test_app_that_ran_none_of_the_tests_stops_the_reruns()
    {
        var launcher = new FakeLauncher(new SteppedClock(), TimeSpan.Zero) { RunsNothing = true };

        var run = await RerunRounds.RunAsync(Plan(5), 120, TimeSpan.Zero, launcher, launcher.Clock, CancellationToken.None);

        Assert.Equal(new RerunReport(5, 120, 0, "the test app ran none of the tests asked for"), run.Report);
    }

    [Fact]
    public async Task A_cancelled_run_stops_the_reruns()
    {
        var launcher = new FakeLauncher(new SteppedClock(), TimeSpan.Zero) { CancelsInRound = 2 };

        var run = await RerunRounds.RunAsync(Plan(5), 120, TimeSpan.Zero, launcher, launcher.Clock, CancellationToken.None);

        Assert.Equal(new RerunReport(5, 120, 1, RerunReport.Cancelled), run.Report);
    }

    /// <summary>A clock that moves only when told.</summary>
    private sealed class SteppedClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }

    /// <summary>Reports every asked test passed, each round taking <paramref name="roundTakes"/> on the clock.</summary>
    private sealed class FakeLauncher(SteppedClock clock, TimeSpan roundTakes) : IRerunLauncher
    {
        public SteppedClock Clock => clock;

        public List<string> Asked { get; } = [];

        public List<TimeSpan> Timeouts { get; } = [];

        public int TimesOutInRound { get; init; }

        public int CancelsInRound { get; init; }

        public string? Problem { get; init; }

        public bool RunsNothing { get; init; }

        public Task<RerunRoundResult> RunAsync(IReadOnlyList<string> uids, TimeSpan timeout, CancellationToken cancellationToken)
        {
            Asked.Add(string.Join(' ', uids));
            Timeouts.Add(timeout);
            clock.Advance(roundTakes);
            if (Asked.Count == CancelsInRound)
            {
                throw new OperationCanceledException();
            }

            RerunRoundResult result =
                Asked.Count == TimesOutInRound ? new(null, TimedOut: true, "stopped")
                : Problem is not null ? new(null, TimedOut: false, Problem)
                : RunsNothing ? new([], TimedOut: false, null)
                : new([.. uids.Select(uid => new RerunResult(uid, uid, uid, TestOutcome.Passed, TimeSpan.FromMilliseconds(1), null))], TimedOut: false, null);
            return Task.FromResult(result);
        }
    }
}
