namespace AgentTestGuard.Tool.Report.Model;

/// <summary>An acceptance criterion a test links to.</summary>
/// <param name="Text">From the catalog; null for an id known only by a policy pattern, or not known at all.</param>
/// <param name="Link">An absolute http or https address (the builder keeps no other), from the catalog or a policy pattern with the id escaped into it; null when none.</param>
/// <param name="Known">In the catalog or matched by a policy pattern.</param>
internal sealed record ReportCriterion(string Id, string? Text, string? Link, bool Known)
{
    public static ReportCriterion Unknown(string id) => new(id, null, null, Known: false);
}
