using AgentTestGuard.ContinuousIntegration;

namespace AgentTestGuard.TestingPlatform.Settings;

/// <summary>
/// The run's enforce mode and environment, from (first wins) the command line, the MSBuild
/// properties the build wrote into the app's runtimeconfig.json, and the CI variables.
/// </summary>
internal sealed record RunSettings(bool Enforce, string EnforceSource, string Environment, string EnvironmentSource)
{
    public const string EnvironmentVariable = "AGENTTESTGUARD_ENVIRONMENT";

    /// <summary>Runtime configuration keys, written from MSBuild properties by the package's targets.</summary>
    public const string EnforceSwitch = "AgentTestGuard.Enforce";
    public const string ContinuousIntegrationBuildSwitch = "AgentTestGuard.ContinuousIntegrationBuild";

    /// <param name="enforceOption">The --agt-enforce value: null when absent, "" when given without a value.</param>
    /// <param name="environmentOption">The --agt-environment value, or null.</param>
    /// <param name="appContext">Reads runtime configuration (AppContext.GetData).</param>
    /// <param name="environment">Reads environment variables.</param>
    public static RunSettings Resolve(
        string? enforceOption,
        string? environmentOption,
        Func<string, string?> appContext,
        Func<string, string?> environment)
    {
        var inCi = CiServices.IsDetected(environment);
        var (enforce, enforceSource) = ResolveEnforce(enforceOption, appContext, inCi);

        var (name, nameSource) =
            !string.IsNullOrWhiteSpace(environmentOption) ? (environmentOption.Trim(), "--agt-environment")
            : !string.IsNullOrWhiteSpace(environment(EnvironmentVariable)) ? (environment(EnvironmentVariable)!.Trim(), EnvironmentVariable)
            : inCi ? ("ci", "CI detected")
            : ("local", "default");

        return new RunSettings(enforce, enforceSource, name, nameSource);
    }

    private static (bool Enforce, string Source) ResolveEnforce(string? option, Func<string, string?> appContext, bool inCi)
    {
        if (option is not null)
        {
            // A bare --agt-enforce turns it on.
            return (option.Length == 0 || CiServices.IsTrue(option), "--agt-enforce");
        }

        var property = appContext(EnforceSwitch);
        if (!string.IsNullOrWhiteSpace(property))
        {
            return (CiServices.IsTrue(property), "AgentTestGuardEnforce");
        }

        if (CiServices.IsTrue(appContext(ContinuousIntegrationBuildSwitch)))
        {
            return (true, "ContinuousIntegrationBuild");
        }

        return inCi ? (true, "CI detected") : (false, "default");
    }

    /// <summary>Whether unreviewed agent tests may execute here; environments compare case-insensitively.</summary>
    public bool AllowsUnreviewedTests(IReadOnlyList<string> allowedEnvironments) =>
        allowedEnvironments.Contains(Environment, StringComparer.OrdinalIgnoreCase);
}
