namespace AgentTestGuard.Tool.Report.Html;

/// <summary>What the HTML report shows: the summary rendered on the page and the tests its script lists.</summary>
/// <param name="HistoryRuns">How many runs the history holds; 0 when there is no history yet.</param>
internal sealed record HtmlReportData(
    DateTimeOffset GeneratedAt,
    string? Owner,
    IReadOnlyList<string> AllowedAgents,
    int HistoryRuns,
    IReadOnlyList<HtmlAgent> Agents,
    IReadOnlyList<HtmlCriterion> Criteria,
    IReadOnlyList<HtmlTest> Tests);

/// <summary>An agent's metrics and stop-rule state; figures are null without history.</summary>
internal sealed record HtmlAgent(
    string Name,
    int Tests,
    int Approved,
    int Pending,
    int Rejected,
    TimeSpan? DecisionTimeMedian,
    double? FlakinessRate,
    int? DefectsCaught,
    int? FalseAlarms,
    int? Incidents,
    HtmlStopRule StopRule);

/// <param name="Trips">The rule trips and no human decision has settled it.</param>
/// <param name="Summary">One line: the rule's numbers, or the human decision that settled it.</param>
internal sealed record HtmlStopRule(string Word, bool Trips, string Summary);

internal sealed record HtmlCriterion(string Id, string? Text, string? Link);

/// <summary>One agent test as the page lists it.</summary>
/// <param name="State">unapproved, stale, rejected or approved.</param>
/// <param name="RecentOutcomes">The outcomes of its recent runs, oldest first (<see cref="HtmlOutcomes"/>).</param>
/// <param name="Attempts">Attempts over the history, reruns included; null without history.</param>
/// <param name="FlakinessRate">Of its runs, the share whose attempts disagreed; null without history.</param>
internal sealed record HtmlTest(
    string Id,
    string Assembly,
    string State,
    string Agent,
    string? Model,
    string? Session,
    string? Prompt,
    string? SourceFile,
    int? SourceLine,
    IReadOnlyList<string> Criteria,
    DateTimeOffset? QuarantinedSince,
    string RecentOutcomes,
    int? Attempts,
    double? FlakinessRate,
    int? DefectsCaught,
    int? FalseAlarms,
    string? LastFailure,
    string? RejectionReason,
    string? ApprovedBy,
    DateTimeOffset? ApprovedAt,
    string? ApprovalNote);
