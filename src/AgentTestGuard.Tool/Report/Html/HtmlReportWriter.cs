using System.Text;

namespace AgentTestGuard.Tool.Report.Html;

/// <summary>
/// `dotnet agt report --html`: one self-contained page for a QA reviewer. Its style and script are
/// inline and allowed by hash; its policy forbids every request, so it opens offline from disk
/// and shows nothing from anywhere else. Text from test code or agents is encoded by
/// <see cref="HtmlText"/>, or travels as escaped JSON that the script shows with textContent.
/// </summary>
internal static class HtmlReportWriter
{
    public static string Render(HtmlReportData report)
    {
        var page = new StringBuilder(4096 + (report.Tests.Count * 400));
        page.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(HtmlText.Encode(HtmlAssets.ContentSecurityPolicy)).Append("\">")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>Agent tests: quarantine report</title>")
            .Append("<style>").Append(HtmlAssets.Style).Append("</style></head>\n<body>");
        HtmlSummary.Write(page, report);
        WriteControls(page, report);
        page.Append("\n<script type=\"application/json\" id=\"report-data\">").Append(HtmlDataBlock.Json(report)).Append("</script>\n")
            .Append("<script>").Append(HtmlAssets.Script).Append("</script>\n</body></html>\n");
        return page.ToString();
    }

    private static void WriteControls(StringBuilder page, HtmlReportData report)
    {
        var agents = report.AllowedAgents.Concat(report.Tests.Select(t => t.Agent)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var criteria = report.Criteria.Select(c => c.Id).Concat(report.Tests.SelectMany(t => t.Criteria)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        page.Append("<main class=\"tests\"><h2>Agent tests</h2><div class=\"controls\" role=\"search\">")
            .Append("<input id=\"filter-text\" type=\"search\" placeholder=\"Filter: test, message, criterion, agent\" aria-label=\"Filter by text\">");
        Select(page, "filter-agent", "Agent", "All agents", agents.Select(a => (a, a)));
        Select(page, "filter-state", "State", "All states",
        [
            ("quarantined", "Quarantined"), ("unapproved", "Unapproved"), ("stale", "Stale approval"), ("rejected", "Rejected"), ("approved", "Approved"),
        ]);
        Select(page, "filter-criterion", "Criterion", "All criteria", criteria.Select(c => (c, c)));
        page.Append("<label>Sort <select id=\"sort\">")
            .Append("<option value=\"state\">State, then longest in quarantine</option><option value=\"age\">Longest in quarantine</option>")
            .Append("<option value=\"name\">Name</option><option value=\"agent\">Agent</option>")
            .Append("<option value=\"flaky\">Most flaky</option><option value=\"failures\">Most recent failures</option>")
            .Append("</select></label></div><p id=\"shown\" aria-live=\"polite\"></p><div id=\"tests\"></div>")
            .Append("<button type=\"button\" id=\"more\" hidden>Show more</button>")
            .Append("<noscript><p class=\"warn\">The test list is drawn by the page's script: allow JavaScript for this file.</p></noscript></main>");
    }

    private static void Select(StringBuilder page, string id, string label, string all, IEnumerable<(string Value, string Text)> options)
    {
        page.Append("<label>").Append(label).Append(" <select id=\"").Append(id).Append("\"><option value=\"\">").Append(all).Append("</option>");
        foreach (var (value, text) in options)
        {
            page.Append("<option value=\"").Append(HtmlText.Encode(value)).Append("\">").Append(HtmlText.Encode(text)).Append("</option>");
        }

        page.Append("</select></label>");
    }
}
