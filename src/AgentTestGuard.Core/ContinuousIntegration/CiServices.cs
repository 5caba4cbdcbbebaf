namespace AgentTestGuard.ContinuousIntegration;

/// <summary>
/// The variables by which CI services announce a build and the commit it builds: the one list the
/// run-time extension detects CI by, and that tests clear for every child process they start.
/// </summary>
internal static class CiServices
{
    /// <summary>Set to <c>true</c> by most services (GitHub Actions, GitLab, CircleCI, Travis, Buildkite, AppVeyor, CodeBuild...).</summary>
    public const string Flag = "CI";

    /// <summary>The common services that do not set <see cref="Flag"/>: Azure Pipelines, Jenkins, TeamCity.</summary>
    public static IReadOnlyList<string> WithoutFlag { get; } = ["TF_BUILD", "JENKINS_URL", "TEAMCITY_VERSION"];

    /// <summary>
    /// Every variable that tells a process it runs in CI, MSBuild's <c>ContinuousIntegrationBuild</c>
    /// included: a child process that must behave as on a developer's machine sees none of them.
    /// </summary>
    public static IReadOnlyList<string> Variables { get; } =
    [
        Flag, "ContinuousIntegrationBuild", .. WithoutFlag,
        "GITHUB_ACTIONS", "GITLAB_CI", "APPVEYOR", "TRAVIS", "CIRCLECI", "BUILDKITE", "BUILD_BUILDID", "CODEBUILD_BUILD_ID",
    ];

    /// <summary>
    /// The commit under build, in the order tried: GitHub Actions, Azure Pipelines, GitLab, Jenkins,
    /// TeamCity, Buildkite, CircleCI.
    /// </summary>
    public static IReadOnlyList<string> CommitVariables { get; } =
        ["GITHUB_SHA", "BUILD_SOURCEVERSION", "CI_COMMIT_SHA", "GIT_COMMIT", "BUILD_VCS_NUMBER", "BUILDKITE_COMMIT", "CIRCLE_SHA1"];

    /// <summary>Whether the environment is a CI build: <see cref="Flag"/> is true, or a service that does not set it is present.</summary>
    public static bool IsDetected(Func<string, string?> environment) =>
        IsTrue(environment(Flag)) || WithoutFlag.Any(name => !string.IsNullOrEmpty(environment(name)));

    /// <summary>The values CI services and MSBuild use for "on": <c>true</c> (any case) or <c>1</c>.</summary>
    public static bool IsTrue(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
}
