using AgentTestGuard.Configuration;
using AgentTestGuard.Tool.Report.Model;

namespace AgentTestGuard.Tool.Report.Building;

/// <summary>The criteria the tests link to, with the catalog's text and a link from the catalog or a policy pattern.</summary>
internal static class CriterionEntries
{
    public static IReadOnlyList<ReportCriterion> Of(IEnumerable<string> ids, CriteriaCatalog? catalog, Policy? policy) =>
        [.. ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(id => Of(id, catalog, policy))];

    private static ReportCriterion Of(string id, CriteriaCatalog? catalog, Policy? policy)
    {
        if (catalog?.Find(id) is { } criterion)
        {
            return new ReportCriterion(id, criterion.Text, SafeLink(criterion.Link), Known: true);
        }

        if (policy?.CriteriaPatterns.FirstOrDefault(p => p.Match(id) == PatternMatch.Matches) is { } pattern)
        {
            // The id comes from agent-written code: escaped into the address, it cannot change its scheme, host or path.
            var link = pattern.LinkTemplate?.Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal);
            return new ReportCriterion(id, null, SafeLink(link), Known: true);
        }

        return ReportCriterion.Unknown(id);
    }

    /// <summary>Only absolute http and https addresses: a report must never carry a javascript: or data: link.</summary>
    public static string? SafeLink(string? link) =>
        link is not null && Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;
}
