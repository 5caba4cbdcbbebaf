namespace AgentTestGuard.Configuration;

/// <summary>
/// The files a repository keeps, found by walking up from the project directory the way
/// MSBuild finds Directory.Build.props.
/// </summary>
internal static class ConfigurationFileNames
{
    public const string Policy = "agenttestguard.policy.json";

    public const string Catalog = "agenttestguard.criteria.json";

    public const string Approvals = "agenttestguard.approvals.jsonl";

    public const string Incidents = "agenttestguard.incidents.jsonl";
}
