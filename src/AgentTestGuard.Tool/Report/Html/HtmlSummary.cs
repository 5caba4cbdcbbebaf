using System.Globalization;
using System.Text;
using AgentTestGuard.Tool.Report.Model;

namespace AgentTestGuard.Tool.Report.Html;

/// <summary>
/// The top of the report, rendered on the page itself: the workflow owner, the allowed agents,
/// the counts, and per agent its stop-rule state (HtmlAgentTable has its metrics).
/// </summary>
internal static class HtmlSummary
{
    public static void Write(StringBuilder page, QuarantineReport report)
    {
        var history = report.History is { } h
            ? $"history: {Number(h.Runs)} runs in {h.Store}" + (h.LastRun is { } last ? $", the latest {Time(last)}" : "")
            : "no history yet (dotnet agt history import)";
        page.Append("<header class=\"top\"><h1>Agent tests: quarantine report</h1>")
            .Append("<p class=\"meta\">Generated <time>").Append(Time(report.GeneratedAt)).Append("</time> · <span id=\"history\">")
            .Append(HtmlText.Encode(history)).Append("</span></p><dl class=\"facts\"><dt>Workflow owner</dt>")
            .Append(report.Owner is { Length: > 0 } owner
                ? $"<dd id=\"owner\">{HtmlText.Encode(owner)}</dd>"
                : "<dd id=\"owner\" class=\"warn\">none named in the policy (enforce mode fails without one)</dd>")
            .Append("<dt>Allowed agents</dt><dd id=\"allowed-agents\">")
            .Append(report.AllowedAgents.Count > 0 ? HtmlText.Encode(string.Join(", ", report.AllowedAgents)) : "none listed")
            .Append("</dd><dt>Stop rule</dt><dd id=\"stop-rules\">");
        StopRules(page, report.Agents);
        page.Append("</dd></dl>");
        Counts(page, report.Counts);
        page.Append("</header>");
        HtmlAgentTable.Write(page, report.Agents);
    }

    private static void StopRules(StringBuilder page, IReadOnlyList<ReportAgent> agents)
    {
        if (agents.Count == 0)
        {
            page.Append("no agents");
            return;
        }

        foreach (var agent in agents)
        {
            var state = agent.StopRule?.State ?? "no history yet";
            page.Append("<span class=\"stop stop-").Append(HtmlText.Encode(state.Replace(' ', '-'))).Append("\">")
                .Append(HtmlText.Encode(agent.Name)).Append(": <b>").Append(HtmlText.Encode(state)).Append("</b></span> ");
        }
    }

    private static void Counts(StringBuilder page, ReportCounts counts)
    {
        page.Append("<ul class=\"counts\" id=\"counts\">");
        Tile(page, "total", counts.AgentTests, "agent tests");
        Tile(page, "quarantined", counts.Quarantined, "quarantined");
        Tile(page, "unapproved", counts.Unapproved, "unapproved");
        Tile(page, "stale", counts.Stale, "stale approvals");
        Tile(page, "rejected", counts.Rejected, "rejected");
        if (counts.Gating > 0)
        {
            Tile(page, "gating", counts.Gating, "unapproved but gating (no quarantine)");
        }

        Tile(page, "approved", counts.Approved, "approved");
        Tile(page, "failing", counts.QuarantinedFailures, "quarantined failures");
        if (counts.UnreviewedInFailedEnforcedRun > 0)
        {
            Tile(page, "blocking", counts.UnreviewedInFailedEnforcedRun, "unreviewed in a run enforce mode failed");
        }

        Tile(page, "stopped", counts.StoppedAgents, "agents stopped");
        Tile(page, "awaiting", counts.AgentsAwaitingDecision, "agents awaiting a stop decision");
        page.Append("</ul>");
    }

    private static void Tile(StringBuilder page, string kind, int count, string label) =>
        page.Append("<li class=\"count count-").Append(kind).Append("\" data-count=\"").Append(kind).Append("\"><b>")
            .Append(Number(count)).Append("</b> ").Append(label).Append("</li>");

    internal static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    internal static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
