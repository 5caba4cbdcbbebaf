using System.Globalization;
using AgentTestGuard.Tool.Report.Model;

namespace AgentTestGuard.Tool.Report.Text;

/// <summary>
/// Wording the text formats (terminal, Markdown, CI annotations) share, so they say the same thing
/// the same way. Returns raw text: each format escapes it.
/// </summary>
internal static class ReportText
{
    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A short age: 3d, 5h, 12m (whole units, rounded down), "&lt;1m" below a minute.</summary>
    public static string Age(TimeSpan? age) => age switch
    {
        null => "-",
        { TotalDays: >= 1 } a => $"{(int)a.TotalDays}d",
        { TotalHours: >= 1 } a => $"{(int)a.TotalHours}h",
        { TotalMinutes: >= 1 } a => $"{(int)a.TotalMinutes}m",
        _ => "<1m",
    };

    /// <summary>Why a test is quarantined, in a few words; and that it cannot fail, when it cannot (the formats list why apart).</summary>
    public static string Why(ReportTest test) => test.CannotFail is not null ? $"{State(test)}; cannot fail (AGT0020)" : State(test);

    private static string State(ReportTest test) => test.State switch
    {
        ReportTestState.Unapproved => "not reviewed yet",
        ReportTestState.Stale => test.Approval is { } approval
            ? $"changed since {approval.By} approved it on {Day(approval.At)}"
            : "changed since it was approved",
        ReportTestState.Rejected => test.Rejection is { } rejection
            ? $"rejected by {rejection.By} on {Day(rejection.At)}: {rejection.Text}"
            : "rejected",
        ReportTestState.Gating => "not reviewed, in a project without quarantine (AGT0016): it gates",
        _ => $"approved by {test.Approval?.By}",
    };

    /// <summary>An approval given despite missing evidence: "by X on day, without noPassingRun, flaky: reason".</summary>
    public static string Despite(ReportTest test) =>
        $"approved by {test.Approval?.By} on {(test.Approval is { } a ? Day(a.At) : "-")} without {string.Join(", ", test.ApprovedDespite!.Overrode)}: {test.ApprovedDespite.Reason}";

    /// <summary>Reruns in words: "flaky: 2 of 6 attempts failed".</summary>
    public static string Reruns(ReportReruns reruns) =>
        $"{(reruns.Flaky ? "flaky: " : "")}{reruns.Failures} of {Count(reruns.Attempts, "attempt")} failed";

    /// <summary>The first line of a message, cut to <paramref name="max"/> characters with an ellipsis.</summary>
    public static string FirstLine(string message, int max = 160)
    {
        var line = message.ReplaceLineEndings("\n").Split('\n', 2)[0].TrimEnd();
        return line.Length <= max ? line : line[..(max - 1)] + "…";
    }

    public static string Source(ReportTest test) => test.Source is { } source ? $"{source.File}:{source.Line}" : "";

    /// <summary>"1 agent test", "2 agent tests".</summary>
    public static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    /// <summary>The line a failed enforced run gets: how many unreviewed tests failed it.</summary>
    public static string EnforceFailed(int count) =>
        $"{Count(count, "agent test")} {(count == 1 ? "is" : "are")} not reviewed";

    public static string Counts(ReportCounts counts) =>
        $"{Count(counts.AgentTests, "agent test")}: {counts.Quarantined} quarantined ({counts.Unapproved} unapproved, {counts.Stale} stale, {counts.Rejected} rejected), {counts.Approved} approved"
        + (counts.Gating > 0 ? $", {counts.Gating} gating without quarantine" : "");

    public static string History(ReportHistory? history) => history is null
        ? "No history yet: run `dotnet agt history import` after CI runs for flakiness, defects caught, false alarms and the stop rule."
        : $"History: {Count(history.Runs, "CI run")}, {Day(history.FirstRun!.Value)} to {Day(history.LastRun!.Value)} ({history.Store}).";

    /// <summary>An agent's stop rule in words.</summary>
    public static string StopRule(ReportStopRule? rule) => rule switch
    {
        null => "no history yet",
        { State: "stopped", Decision: { } d } => $"stopped by {d.By} on {Day(d.At)}: {d.Reason}",
        { State: "continued", Decision: { } d } => $"trips; {d.By} let it continue on {Day(d.At)}: {d.Reason}",
        { State: "trips" } => $"TRIPS since {(rule.TrippedAt is { } at ? Day(at) : "-")}: a human must stop it or let it continue ({rule.Summary})",
        _ => $"ok ({rule.Summary})",
    };
}
