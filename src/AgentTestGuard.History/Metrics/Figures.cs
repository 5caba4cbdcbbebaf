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

    /// <remarks>
    /// One pass over each, without LINQ: the metrics make a row per test, and LINQ's counts and
    /// sorts made the rows of a 10,000-test report a quarter of its metrics' time.
    /// </remarks>
    public static Figures Of(IReadOnlyCollection<SeenTest> tests, IReadOnlyCollection<MetricEvent> events, DateTimeOffset now)
    {
        Span<int> byKind = stackalloc int[(int)MetricEventKind.Approval + 1];
        var decisions = new List<TimeSpan>();
        foreach (var metricEvent in events)
        {
            byKind[(int)metricEvent.Kind]++;
            if (metricEvent.DecisionTime is { } decision)
            {
                decisions.Add(decision);
            }
        }

        var flaky = 0;
        var ages = new List<TimeSpan>();
        foreach (var test in tests)
        {
            flaky += test.Flaky ? 1 : 0;
            if (test.PendingSince is { } since)
            {
                ages.Add(now - since < TimeSpan.Zero ? TimeSpan.Zero : now - since);
            }
        }

        ages.Sort();
        decisions.Sort();
        return new Figures(
            tests.Count,
            flaky,
            byKind[(int)MetricEventKind.FlakyFailure],
            byKind[(int)MetricEventKind.DefectCaught],
            byKind[(int)MetricEventKind.FalseAlarm],
            byKind[(int)MetricEventKind.Rejection],
            byKind[(int)MetricEventKind.Mistake],
            byKind[(int)MetricEventKind.Approval],
            ages.Count,
            Percentile.Median(ages),
            ages.Count > 0 ? ages[^1] : null,
            Percentile.Median(decisions),
            Percentile.NearestRank(decisions, 90));
    }
}
