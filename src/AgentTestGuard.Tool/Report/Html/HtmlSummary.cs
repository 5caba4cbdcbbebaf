using System.Globalization;
using System.Text;

namespace AgentTestGuard.Tool.Report.Html;

/// <summary>
/// The top of the report, rendered on the page itself: the workflow owner, the allowed agents,
/// the counts, and per agent its metrics and stop-rule state.
/// </summary>
internal static class HtmlSummary
{
    public static void Write(StringBuilder page, HtmlReportData report)
    {
        var history = report.HistoryRuns > 0 ? $"history of {Count(report.HistoryRuns)} runs" : "no history yet";
        page.Append("<header class=\"top\"><h1>Agent tests: quarantine report</h1>")
            .Append("<p class=\"meta\">Generated <time>").Append(HtmlText.Encode(Time(report.GeneratedAt))).Append("</time> · ")
            .Append(HtmlText.Encode(history)).Append("</p><dl class=\"facts\"><dt>Workflow owner</dt>")
            .Append(report.Owner is { Length: > 0 } owner
                ? $"<dd id=\"owner\">{HtmlText.Encode(owner)}</dd>"
                : "<dd id=\"owner\" class=\"warn\">none named in the policy (enforce mode fails without one)</dd>")
            .Append("<dt>Allowed agents</dt><dd id=\"allowed-agents\">")
            .Append(report.AllowedAgents.Count > 0 ? HtmlText.Encode(string.Join(", ", report.AllowedAgents)) : "none listed")
            .Append("</dd></dl>");
        WriteCounts(page, report.Tests);
        page.Append("</header>");
        WriteAgents(page, report.Agents);
    }

    private static void WriteCounts(StringBuilder page, IReadOnlyList<HtmlTest> tests)
    {
        int Of(string state) => tests.Count(t => t.State == state);
        var quarantinedFailures = tests.Count(t => t.State != "approved" && t.RecentOutcomes.Length > 0 && t.RecentOutcomes[^1] is 'f' or 'e' or 't');
        page.Append("<ul class=\"counts\" id=\"counts\">");
        Tile(page, "total", tests.Count, "agent tests");
        Tile(page, "quarantined", tests.Count - Of("approved"), "quarantined");
        Tile(page, "unapproved", Of("unapproved"), "unapproved");
        Tile(page, "stale", Of("stale"), "stale approvals");
        Tile(page, "rejected", Of("rejected"), "rejected");
        Tile(page, "approved", Of("approved"), "approved");
        Tile(page, "failing", quarantinedFailures, "quarantined, failed last run");
        page.Append("</ul>");
    }

    private static void Tile(StringBuilder page, string kind, int count, string label) =>
        page.Append("<li class=\"count count-").Append(kind).Append("\" data-count=\"").Append(kind).Append("\"><b>")
            .Append(Count(count)).Append("</b> ").Append(HtmlText.Encode(label)).Append("</li>");

    private static void WriteAgents(StringBuilder page, IReadOnlyList<HtmlAgent> agents)
    {
        page.Append("<section class=\"agents\"><h2>Agents</h2>");
        if (agents.Count == 0)
        {
            page.Append("<p>No agent tests yet.</p></section>");
            return;
        }

        page.Append("<table id=\"agent-metrics\"><thead><tr><th>Agent</th><th>Stop rule</th><th>Tests</th><th>Approved</th>")
            .Append("<th>Pending</th><th>Rejected</th><th>Median time to decision</th><th>Flaky</th>")
            .Append("<th>Defects caught</th><th>False alarms</th><th>Incidents</th></tr></thead><tbody>");
        foreach (var agent in agents)
        {
            page.Append("<tr><th scope=\"row\">").Append(HtmlText.Encode(agent.Name)).Append("</th><td class=\"")
                .Append(agent.StopRule.Trips ? "stop-trips" : "stop-ok").Append("\"><b>").Append(HtmlText.Encode(agent.StopRule.Word))
                .Append("</b> <span class=\"dim\">").Append(HtmlText.Encode(agent.StopRule.Summary)).Append("</span></td>");
            foreach (var cell in new[]
            {
                Count(agent.Tests), Count(agent.Approved), Count(agent.Pending), Count(agent.Rejected),
                Duration(agent.DecisionTimeMedian), Percent(agent.FlakinessRate), Count(agent.DefectsCaught),
                Count(agent.FalseAlarms), Count(agent.Incidents),
            })
            {
                page.Append("<td class=\"num\">").Append(HtmlText.Encode(cell)).Append("</td>");
            }

            page.Append("</tr>");
        }

        page.Append("</tbody></table></section>");
    }

    private static string Count(int? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "–";

    private static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "–";

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    internal static string Duration(TimeSpan? span) => span switch
    {
        null => "–",
        { TotalDays: >= 1 } d => d.TotalDays.ToString("0.#", CultureInfo.InvariantCulture) + " d",
        { TotalHours: >= 1 } h => h.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + " h",
        var m => Math.Max(1, (int)m.Value.TotalMinutes).ToString(CultureInfo.InvariantCulture) + " min",
    };
}
