using System.Text.RegularExpressions;
using AgentTestGuard.Assertions;
using AgentTestGuard.Diagnostics;
using AgentTestGuard.Json;

namespace AgentTestGuard.Configuration;

/// <summary>
/// The workflow's rules, read from agenttestguard.policy.json:
/// <code>
/// {
///   "owner": "Dana Lee &lt;dana@example.com&gt;",
///   "agents": ["copilot", "claude-code"],
///   "environments": ["local", "ci"],
///   "approverDenyPatterns": ["^Build Service\\b", "@ci\\.example\\.com&gt;$"],
///   "requireSignedApprovals": true,
///   "criteriaPatterns": [ { "pattern": "JIRA-[0-9]+", "link": "https://jira.example.com/browse/{id}" } ]
/// }
/// </code>
/// </summary>
internal sealed class Policy
{
    /// <summary>Where unreviewed agent tests may execute when the policy does not say.</summary>
    public static readonly IReadOnlyList<string> DefaultEnvironments = ["local", "ci"];

    // Deny patterns run on every approval of every build: a pathological one must not hang it.
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    private Policy(
        string path,
        string? owner,
        IReadOnlyList<string> agents,
        IReadOnlyList<string> environments,
        IReadOnlyList<CriterionPattern> criteriaPatterns,
        IReadOnlyList<Regex> approverDenyPatterns,
        bool requireSignedApprovals,
        string? historyStore,
        StopRule? stopRule)
    {
        Path = path;
        Owner = owner;
        Agents = agents;
        Environments = environments;
        CriteriaPatterns = criteriaPatterns;
        ApproverDenyPatterns = approverDenyPatterns;
        RequireSignedApprovals = requireSignedApprovals;
        HistoryStore = historyStore;
        StopRule = stopRule ?? StopRule.Default;
    }

    public string Path { get; }

    /// <summary>The human who owns the agent workflow; shown in reports.</summary>
    public string? Owner { get; }

    /// <summary>The agents allowed to contribute tests, compared case-insensitively.</summary>
    public IReadOnlyList<string> Agents { get; }

    /// <summary>
    /// The environments (named at run time) where unreviewed agent tests may execute; elsewhere
    /// they are not run at all. Compared case-insensitively.
    /// </summary>
    public IReadOnlyList<string> Environments { get; }

    public IReadOnlyList<CriterionPattern> CriteriaPatterns { get; }

    /// <summary>
    /// Identities that may not approve, besides the built-in bots, service accounts and agents:
    /// the repository's own automation. Matched case-insensitively, anywhere in "Name &lt;email&gt;".
    /// </summary>
    public IReadOnlyList<Regex> ApproverDenyPatterns { get; }

    /// <summary>
    /// Whether `dotnet agt verify` also requires every approval line to come from a signed commit
    /// whose signature the checking machine can verify: a name in a commit is only a claim, a
    /// signature shows the approver's key made it. Off by default (it needs keys set up in CI).
    /// </summary>
    public bool RequireSignedApprovals { get; }

    /// <summary>Where `dotnet agt history` keeps the history: a file path, or a PostgreSQL connection string (docs/metrics.md).</summary>
    public string? HistoryStore { get; }

    /// <summary>When an agent's triage outweighs its value enough to ask a human whether to stop it (docs/metrics.md).</summary>
    public StopRule StopRule { get; }

    /// <summary>
    /// Test projects, by path from the repository's root ("tests/Legacy.Tests/Legacy.Tests.csproj"),
    /// that `dotnet agt verify` lets go without the package, skipped, with enforce mode off or with
    /// review files of their own. Read from the trusted base's policy, so a change cannot exempt itself.
    /// </summary>
    public IReadOnlyList<string> ExemptProjects { get; private init; } = [];

    /// <summary>The repository's own assertion methods, which AGT0020 counts as assertions (docs/files.md).</summary>
    public IReadOnlyList<AssertionPattern> Assertions { get; private init; } = [];

    public bool Allows(string agent) => Agents.Contains(agent, StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads a policy; null when it has errors, which are in <paramref name="diagnostics"/>.</summary>
    public static Policy? Load(string path, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var reader = new ConfigurationFileReader(path, Descriptors.MalformedPolicy);
        var policy = Read(reader);
        diagnostics = reader.Diagnostics;
        return reader.HasErrors ? null : policy;
    }

    private static Policy? Read(ConfigurationFileReader reader)
    {
        if (reader.ReadRoot() is not { } root)
        {
            return null;
        }

        reader.WarnUnknownKeys(root, "owner", "agents", "environments", "criteriaPatterns", "approverDenyPatterns", "requireSignedApprovals", "historyStore", "stopRule", "exemptProjects", "assertions");
        var owner = reader.OptionalString(root, "owner");
        var agents = ReadAgents(reader, root);
        var environments = ReadEnvironments(reader, root);
        var patterns = ReadPatterns(reader, root);
        var denyPatterns = ReadApproverDenyPatterns(reader, root);
        var requireSigned = reader.OptionalBoolean(root, "requireSignedApprovals", absent: false);
        var exempt = ReadExemptProjects(reader, root);
        var historyStore = reader.OptionalString(root, "historyStore");
        var stopRule = StopRule.Read(reader, root);
        var assertions = PolicyAssertions.Read(reader, root);
        return new Policy(reader.Path, owner, agents, environments, patterns, denyPatterns, requireSigned, historyStore, stopRule)
        {
            ExemptProjects = exempt,
            Assertions = assertions,
        };
    }

    private static List<string> ReadAgents(ConfigurationFileReader reader, JsonObjectNode root)
    {
        var agents = new List<string>();
        if (ConfigurationFileReader.Find(root, "agents") is not { } property)
        {
            // An allow-list that is absent must not mean "everyone": say what is expected.
            reader.Error(root, "'agents' is missing: list the agents allowed to contribute tests, e.g. \"agents\": [\"copilot\"].");
            return agents;
        }

        foreach (var item in reader.AsArray(property.Value, "'agents'")?.Items ?? [])
        {
            if (reader.AsNonEmptyString(item, "each agent") is { } agent)
            {
                agents.Add(agent);
            }
        }

        return agents;
    }

    private static List<string> ReadExemptProjects(ConfigurationFileReader reader, JsonObjectNode root)
    {
        var projects = new List<string>();
        if (ConfigurationFileReader.Find(root, "exemptProjects") is not { } property)
        {
            return projects;
        }

        foreach (var item in reader.AsArray(property.Value, "'exemptProjects'")?.Items ?? [])
        {
            if (reader.AsNonEmptyString(item, "each exempt project") is { } project)
            {
                projects.Add(project.Replace('\\', '/'));
            }
        }

        return projects;
    }

    private static IReadOnlyList<string> ReadEnvironments(ConfigurationFileReader reader, JsonObjectNode root)
    {
        if (ConfigurationFileReader.Find(root, "environments") is not { } property)
        {
            return DefaultEnvironments;
        }

        // An empty list is meaningful: unreviewed agent tests execute nowhere.
        var environments = new List<string>();
        foreach (var item in reader.AsArray(property.Value, "'environments'")?.Items ?? [])
        {
            if (reader.AsNonEmptyString(item, "each environment") is { } environment)
            {
                environments.Add(environment);
            }
        }

        return environments;
    }

    private static List<CriterionPattern> ReadPatterns(ConfigurationFileReader reader, JsonObjectNode root)
    {
        var patterns = new List<CriterionPattern>();
        if (ConfigurationFileReader.Find(root, "criteriaPatterns") is not { } property)
        {
            return patterns;
        }

        foreach (var item in reader.AsArray(property.Value, "'criteriaPatterns'")?.Items ?? [])
        {
            if (reader.AsObject(item, "each criteria pattern") is not { } entry)
            {
                continue;
            }

            reader.WarnUnknownKeys(entry, "pattern", "link");
            var pattern = reader.RequiredString(entry, "pattern", "a regular expression that whole tracker ids match");
            var link = reader.OptionalLink(entry, "link", template => template.Replace("{id}", "ID", StringComparison.Ordinal));
            if (pattern is null)
            {
                continue;
            }

            try
            {
                patterns.Add(new CriterionPattern(pattern, link));
            }
            catch (ArgumentException e)
            {
                var at = ConfigurationFileReader.Find(entry, "pattern")!.Value;
                reader.Error(at, $"'pattern' is not a valid .NET regular expression: {e.Message}");
            }
        }

        return patterns;
    }

    private static List<Regex> ReadApproverDenyPatterns(ConfigurationFileReader reader, JsonObjectNode root)
    {
        var patterns = new List<Regex>();
        if (ConfigurationFileReader.Find(root, "approverDenyPatterns") is not { } property)
        {
            return patterns;
        }

        foreach (var item in reader.AsArray(property.Value, "'approverDenyPatterns'")?.Items ?? [])
        {
            // Not trimmed, unlike other strings: a space can be part of a pattern.
            if (item is not JsonStringNode { Value: { } pattern } || string.IsNullOrWhiteSpace(pattern))
            {
                reader.Error(item, "Expected each approver deny pattern to be a non-empty string.");
                continue;
            }

            try
            {
                patterns.Add(new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternTimeout));
            }
            catch (ArgumentException e)
            {
                reader.Error(item, $"'{Inert.Quote(pattern)}' is not a valid .NET regular expression: {e.Message}");
            }
        }

        return patterns;
    }
}
