using System.Globalization;
using AgentTestGuard.History.Metrics;
using AgentTestGuard.Tool.Cli;

namespace AgentTestGuard.Tool.History;

/// <summary>`metrics` for people: aligned tables per agent (with the stop rule), review burden, per criterion and, on request, per test.</summary>
internal static class MetricsTable
{
    private static readonly string[] Header =
        ["TESTS", "FLAKY", "FLAKY FAILURES", "CAUGHT", "FALSE ALARMS", "REJECTED", "MISTAKES", "APPROVED", "PENDING", "TRIAGE", "VALUE", "CATCH RATE"];

    public static void Write(MetricsView view, bool withTests, Output output)
    {
        var report = view.Report;
        output.Line($"{Window(view)}  {output.Dim($"({Output.Inert(view.Store)})")}");
        output.Line();
        var agents = report.Agents.Select(a => Row(a, view.StopRules.TryGetValue(a.Name, out var rule) ? rule.Word : "ok")).ToList();
        agents.Add(Row(report.Overall, ""));
        output.Table(["AGENT", .. Header, "STOP RULE"], agents, (row, column, cell) => cell.Trim() == "TRIPS" ? output.Red(cell) : cell);
        foreach (var (agent, rule) in view.StopRules.Where(r => r.Value.State.Trips).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var decision = rule.Decision is { } d && !rule.NeedsDecision
                ? $"; {(d.Stop ? "stopped" : "continued")} by {Output.Inert(d.By)} at {Time(d.At)}: {Output.Inert(d.Reason)}"
                : "; awaits a human decision (dotnet agt stop|continue)";
            output.Line($"stop rule for {Output.Inert(agent)}: {rule.Numbers}; trips since {Time(rule.State.TrippedAt!.Value)}{decision}");
        }

        output.Line();
        output.Table(
            ["REVIEW", "PENDING", "AGE MEDIAN", "AGE MAX", "DECISION MEDIAN", "DECISION P90", "APPROVED", "REJECTED"],
            [.. report.Agents.Append(report.Overall).Select(Burden)]);
        if (report.Criteria.Count > 0)
        {
            output.Line();
            output.Table(["CRITERION", .. Header], [.. report.Criteria.Select(c => Row(c, null))]);
        }

        if (withTests && report.Tests.Count > 0)
        {
            output.Line();
            output.Table(["TEST", .. Header], [.. report.Tests.Select(t => Row(t, null))]);
        }
    }

    private static string Window(MetricsView view)
    {
        var query = view.Query;
        var which = query.Environments is null ? "runs of every environment" : "CI runs";
        var limit = query.LastRuns is { } last ? $", the last {last}" : "";
        var since = query.Since is { } s ? $" since {Time(s)}" : "";
        return $"{view.Report.Runs} {which}{since}{limit}";
    }

    private static string[] Row(MetricsRow row, string? stopRule)
    {
        var f = row.Figures;
        string[] cells =
        [
            Output.Inert(row.Name),
            Count(f.TestsSeen), Count(f.FlakyTests), Count(f.FlakyFailures), Count(f.DefectsCaught), Count(f.FalseAlarms),
            Count(f.Rejections), Count(f.Mistakes), Count(f.Approved), Count(f.PendingReview), Count(f.Triage), Count(f.Value),
            f.DefectCatchRate is { } rate ? $"{Percent(rate)} ({f.DefectsCaught} of {f.DefectsCaught + f.FalseAlarms + f.FlakyFailures})" : "-",
        ];
        return stopRule is null ? cells : [.. cells, stopRule];
    }

    private static string[] Burden(MetricsRow row)
    {
        var f = row.Figures;
        return
        [
            Output.Inert(row.Name), Count(f.PendingReview), Duration(f.QuarantineAgeMedian), Duration(f.QuarantineAgeMax),
            Duration(f.DecisionTimeMedian), Duration(f.DecisionTimeP90), Count(f.Approved), Count(f.Rejections),
        ];
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double rate) => (rate * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Duration(TimeSpan? span) => span switch
    {
        null => "-",
        { TotalDays: >= 2 } d => d.TotalDays.ToString("0.#", CultureInfo.InvariantCulture) + " d",
        { TotalHours: >= 1 } h => h.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + " h",
        var m => m.Value.TotalMinutes.ToString("0", CultureInfo.InvariantCulture) + " min",
    };

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);
}
