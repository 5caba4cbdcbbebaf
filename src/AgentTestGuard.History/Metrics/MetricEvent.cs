namespace AgentTestGuard.History.Metrics;

/// <summary>The things the metrics count (docs/metrics.md); each is triage or value, or neither.</summary>
internal enum MetricEventKind
{
    FlakyFailure,
    DefectCaught,
    FalseAlarm,
    Rejection,
    Mistake,
    Approval,
}

/// <summary>One counted event, with what it is credited to and when it happened.</summary>
/// <param name="Assembly">The test's assembly; null for a mistake about no test.</param>
/// <param name="Test">The test's id; null for a mistake about no test.</param>
/// <param name="Criteria">The criteria of the test as the event saw it.</param>
/// <param name="Fingerprint">For a false alarm or a defect caught: the fingerprint that failed.</param>
/// <param name="Detail">For a false alarm or a defect caught: the revisions and fingerprints involved, for the incident's reason.</param>
/// <param name="DecisionTime">For an approval or a rejection: the time from the test's first sight to the decision.</param>
internal sealed record MetricEvent(
    MetricEventKind Kind,
    string Agent,
    string? Assembly,
    string? Test,
    IReadOnlyList<string> Criteria,
    DateTimeOffset At,
    string? Fingerprint = null,
    string? Detail = null,
    TimeSpan? DecisionTime = null)
{
    public bool IsTriage => Kind is MetricEventKind.FlakyFailure or MetricEventKind.FalseAlarm or MetricEventKind.Rejection or MetricEventKind.Mistake;

    public bool IsValue => Kind is MetricEventKind.DefectCaught or MetricEventKind.Approval;
}

/// <summary>A test seen in the window, as it was last seen.</summary>
/// <param name="Flaky">It was flaky at least once in the window.</param>
/// <param name="PendingSince">When it was first seen, if it awaits review now (see <see cref="ReviewBurden"/>); null otherwise.</param>
internal sealed record SeenTest(string Assembly, string Test, string Agent, IReadOnlyList<string> Criteria, bool Flaky, DateTimeOffset? PendingSince);
