namespace AgentTestGuard.Tool.Report.Model;

/// <summary>
/// Everything `dotnet agt report` shows, whatever the format: built once from the repository's
/// review files, its inventories, the latest run records and the history (when there is one), then
/// handed to a renderer (terminal, Markdown, JSON, HTML). Values an agent wrote (test ids,
/// evidence, messages, criterion texts) are kept as they are: each renderer escapes them for its format.
/// </summary>
internal sealed record QuarantineReport
{
    /// <summary>The JSON schema's version (docs/report.md): raised when an older reader could misread the report.</summary>
    public const int SchemaVersion = 2;

    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The repository's root folder (full path); every file in the report is relative to it, with '/'.</summary>
    public required string Repository { get; init; }

    /// <summary>The workflow's owner from the policy; null when the policy names none (or there is no policy).</summary>
    public required string? Owner { get; init; }

    /// <summary>The policy's agents, as written there; empty without a policy.</summary>
    public required IReadOnlyList<string> AllowedAgents { get; init; }

    public required ReportCounts Counts { get; init; }

    /// <summary>Every agent that is allowed or wrote a test, by name (ordinal).</summary>
    public required IReadOnlyList<ReportAgent> Agents { get; init; }

    /// <summary>Every criterion a test links to, by id (ordinal), with its text and link where known.</summary>
    public required IReadOnlyList<ReportCriterion> Criteria { get; init; }

    /// <summary>
    /// Every agent test: quarantined first (unapproved, stale, rejected, in that order), then gating,
    /// then approved; within each state by first criterion id, then assembly, then id (all ordinal).
    /// </summary>
    public required IReadOnlyList<ReportTest> Tests { get; init; }

    /// <summary>The run records the report read: the latest of each assembly, oldest first.</summary>
    public required IReadOnlyList<ReportRun> Runs { get; init; }

    /// <summary>The history's figures; null when there is no history yet (the report then says so).</summary>
    public required ReportHistory? History { get; init; }

    public IEnumerable<ReportTest> Quarantined => Tests.Where(t => t.IsQuarantined);

    public IEnumerable<ReportTest> Approved => Tests.Where(t => t.State == ReportTestState.Approved);

    /// <summary>
    /// The quarantined tests grouped by criterion, criteria by id; a test linked to two criteria is in
    /// both groups (a reviewer works through one criterion at a time). Tests linked to none come last,
    /// under a group whose criterion is null.
    /// </summary>
    public IReadOnlyList<CriterionGroup> QuarantinedByCriterion()
    {
        var byId = Criteria.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var quarantined = Quarantined.ToList();
        var groups = quarantined
            .SelectMany(t => t.Criteria.Select(c => (Criterion: c, Test: t)))
            .GroupBy(p => p.Criterion, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CriterionGroup(byId.GetValueOrDefault(g.Key) ?? ReportCriterion.Unknown(g.Key), [.. g.Select(p => p.Test)]))
            .ToList();
        if (quarantined.Where(t => t.Criteria.Count == 0).ToList() is { Count: > 0 } unlinked)
        {
            groups.Add(new CriterionGroup(null, unlinked));
        }

        return groups;
    }
}

/// <summary>The quarantined tests that check one criterion (null: tests that link to none).</summary>
internal sealed record CriterionGroup(ReportCriterion? Criterion, IReadOnlyList<ReportTest> Tests);
