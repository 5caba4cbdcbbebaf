namespace AgentTestGuard.History.Metrics;

/// <summary>The figures of one row of the metrics (an agent, a criterion, a test, or everything), as docs/metrics.md defines them.</summary>
internal sealed record Figures(
    int TestsSeen,
    int FlakyTests,
    int FlakyFailures,
    int DefectsCaught,
    int FalseAlarms,
    int Rejections,
    int Mistakes,
    int Approved,
    int PendingReview,
    TimeSpan? QuarantineAgeMedian,
    TimeSpan? QuarantineAgeMax,
    TimeSpan? DecisionTimeMedian,
    TimeSpan? DecisionTimeP90)
{
    /// <summary>Flaky failures, false alarms, rejections and mistakes: the work an agent's tests made for people.</summary>
    public int Triage => FlakyFailures + FalseAlarms + Rejections + Mistakes;

    /// <summary>Defects caught and tests approved.</summary>
    public int Value => DefectsCaught + Approved;

    /// <summary>The failures that were caught defects, of all failures that called for a look; null without any.</summary>
    public double? DefectCatchRate => DefectsCaught + FalseAlarms + FlakyFailures is var all and > 0 ? (double)DefectsCaught / all : null;

    /// <summary>Flaky tests of the tests seen; null when none was seen.</summary>
    public double? FlakinessRate => TestsSeen > 0 ? (double)FlakyTests / TestsSeen : null;

    public static Figures Of(IReadOnlyCollection<SeenTest> tests, IReadOnlyCollection<MetricEvent> events, DateTimeOffset now)
    {
        int Count(MetricEventKind kind) => events.Count(e => e.Kind == kind);
        var ages = tests.Where(t => t.PendingSince is not null).Select(t => now - t.PendingSince!.Value).Select(a => a < TimeSpan.Zero ? TimeSpan.Zero : a).Order().ToList();
        var decisions = events.Where(e => e.DecisionTime is not null).Select(e => e.DecisionTime!.Value).Order().ToList();
        return new Figures(
            tests.Count,
            tests.Count(t => t.Flaky),
            Count(MetricEventKind.FlakyFailure),
            Count(MetricEventKind.DefectCaught),
            Count(MetricEventKind.FalseAlarm),
            Count(MetricEventKind.Rejection),
            Count(MetricEventKind.Mistake),
            Count(MetricEventKind.Approval),
            ages.Count,
            Percentile.Median(ages),
            ages.Count > 0 ? ages[^1] : null,
            Percentile.Median(decisions),
            Percentile.NearestRank(decisions, 90));
    }
}
