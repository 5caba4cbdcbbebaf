using System.Globalization;
using System.Text;
using AgentTestGuard.Tool.Report.Model;

namespace AgentTestGuard.Tool.Report.Html;

/// <summary>Per agent: its tests by state, the history's metrics (docs/metrics.md) and the stop rule with any human decision.</summary>
internal static class HtmlAgentTable
{
    private static readonly string[] Columns =
    [
        "Agent", "Stop rule", "Unapproved", "Stale", "Rejected", "Approved", "Tests seen", "Flaky", "Defects caught",
        "False alarms", "Incidents", "Catch rate", "Median age in quarantine", "Median time to decision",
    ];

    public static void Write(StringBuilder page, IReadOnlyList<ReportAgent> agents)
    {
        page.Append("<section class=\"agents\"><h2>Agents</h2>");
        if (agents.Count == 0)
        {
            page.Append("<p>No agent is allowed and none wrote a test.</p></section>");
            return;
        }

        page.Append("<div class=\"scroll\"><table id=\"agent-metrics\"><thead><tr>");
        foreach (var column in Columns)
        {
            page.Append("<th>").Append(column).Append("</th>");
        }

        page.Append("</tr></thead><tbody>");
        foreach (var agent in agents)
        {
            page.Append("<tr><th scope=\"row\">").Append(HtmlText.Encode(agent.Name))
                .Append(agent.Allowed ? "" : " <span class=\"warn\">(not in the policy)</span>").Append("</th>");
            StopRule(page, agent.StopRule);
            var m = agent.Metrics;
            foreach (var cell in new[]
            {
                Count(agent.Unapproved), Count(agent.Stale), Count(agent.Rejected), Count(agent.Approved),
                Count(m?.TestsSeen), m is null ? "–" : $"{m.FlakyTests} ({Percent(m.FlakinessRate)})",
                Count(m?.DefectsCaught), Count(m?.FalseAlarms), Count(m is null ? null : m.Rejections + m.Mistakes),
                Percent(m?.DefectCatchRate), Duration(m?.QuarantineAgeMedian), Duration(m?.DecisionTimeMedian),
            })
            {
                page.Append("<td class=\"num\">").Append(cell).Append("</td>");
            }

            page.Append("</tr>");
        }

        page.Append("</tbody></table></div>");
        if (agents.All(a => a.Metrics is null))
        {
            page.Append("<p class=\"dim\">No history yet: metrics appear once `dotnet agt history import` has recorded runs.</p>");
        }

        page.Append("</section>");
    }

    private static void StopRule(StringBuilder page, ReportStopRule? rule)
    {
        if (rule is null)
        {
            page.Append("<td class=\"dim\">no history yet</td>");
            return;
        }

        page.Append("<td class=\"stop stop-").Append(HtmlText.Encode(rule.State)).Append("\"><b>").Append(HtmlText.Encode(rule.State))
            .Append("</b><br><span class=\"dim\">").Append(HtmlText.Encode(rule.Summary)).Append("</span>");
        if (rule.Decision is { } decision)
        {
            page.Append("<br><span class=\"decision\">").Append(decision.Stop ? "stopped" : "continued").Append(" by ")
                .Append(HtmlText.Encode(decision.By)).Append(", ").Append(HtmlSummary.Time(decision.At)).Append(": ")
                .Append(HtmlText.Encode(decision.Reason)).Append("</span>");
        }
        else if (rule.NeedsDecision)
        {
            page.Append("<br><span class=\"warn\">awaits a human decision: dotnet agt stop | continue</span>");
        }

        page.Append("</td>");
    }

    private static string Count(int? value) => value is { } v ? HtmlSummary.Number(v) : "–";

    private static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "–";

    private static string Duration(TimeSpan? span) => span switch
    {
        null => "–",
        { TotalDays: >= 1 } d => d.TotalDays.ToString("0.#", CultureInfo.InvariantCulture) + " d",
        { TotalHours: >= 1 } h => h.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) + " h",
        var m => Math.Max(1, (int)m.Value.TotalMinutes).ToString(CultureInfo.InvariantCulture) + " min",
    };
}
