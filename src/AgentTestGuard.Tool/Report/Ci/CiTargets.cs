namespace AgentTestGuard.Tool.Report.Ci;

/// <summary>Which CI the report also writes for: named by option, or recognised by the variable the CI sets.</summary>
internal sealed record CiTargets(bool GitHub, bool Azure)
{
    public bool Any => GitHub || Azure;

    /// <param name="variable">Reads an environment variable (a seam for tests).</param>
    public static CiTargets Detect(bool github, bool azure, Func<string, string?> variable) => new(
        github || string.Equals(variable(GitHubActions.EnvironmentVariable), "true", StringComparison.OrdinalIgnoreCase),
        azure || string.Equals(variable(AzurePipelines.EnvironmentVariable), "true", StringComparison.OrdinalIgnoreCase));
}
