using System.Text;
using AgentTestGuard.Tool.Report.Model;

namespace AgentTestGuard.Tool.Report.Html;

/// <summary>The test list's filters (text, agent, state, criterion) and sort order, which report.js applies in the page.</summary>
internal static class HtmlControls
{
    public static void Write(StringBuilder page, QuarantineReport report)
    {
        var agents = report.Agents.Select(a => a.Name).Concat(report.Tests.Select(t => t.Agent)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var criteria = report.Criteria.Select(c => c.Id).Concat(report.Tests.SelectMany(t => t.Criteria)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        page.Append("<main class=\"tests\"><h2>Agent tests</h2><div class=\"controls\" role=\"search\">")
            .Append("<input id=\"filter-text\" type=\"search\" placeholder=\"Filter: test, message, criterion, agent\" aria-label=\"Filter by text\">");
        Select(page, "filter-agent", "Agent", "All agents", agents.Select(a => (a, a)));
        Select(page, "filter-state", "State", "All states",
        [
            ("quarantined", "Quarantined"), ("unapproved", "Unapproved"), ("stale", "Stale approval"), ("rejected", "Rejected"),
            ("gating", "Gating (no quarantine)"), ("approved", "Approved"),
        ]);
        Select(page, "filter-criterion", "Criterion", "All criteria", criteria.Select(c => (c, c)));
        Select(page, "sort", "Sort", null,
        [
            ("state", "State, then longest in quarantine"), ("age", "Longest in quarantine"), ("name", "Name"), ("agent", "Agent"),
            ("flaky", "Flaky first"), ("failures", "Most recent failures"),
        ]);
        page.Append("</div><p id=\"shown\" aria-live=\"polite\"></p><div id=\"tests\"></div>")
            .Append("<button type=\"button\" id=\"more\" hidden>Show more</button>")
            .Append("<noscript><p class=\"warn\">The test list is drawn by the page's script: allow JavaScript for this file.</p></noscript></main>");
    }

    /// <param name="all">The first option, which selects everything; null for none.</param>
    private static void Select(StringBuilder page, string id, string label, string? all, IEnumerable<(string Value, string Text)> options)
    {
        page.Append("<label>").Append(label).Append(" <select id=\"").Append(id).Append("\">");
        if (all is not null)
        {
            page.Append("<option value=\"\">").Append(all).Append("</option>");
        }

        foreach (var (value, text) in options)
        {
            page.Append("<option value=\"").Append(HtmlText.Encode(value)).Append("\">").Append(HtmlText.Encode(text)).Append("</option>");
        }

        page.Append("</select></label>");
    }
}
