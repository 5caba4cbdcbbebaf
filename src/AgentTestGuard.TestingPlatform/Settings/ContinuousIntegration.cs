namespace AgentTestGuard.TestingPlatform.Settings;

/// <summary>Recognises a CI build from the variables CI services set.</summary>
internal static class ContinuousIntegration
{
    // Most services set CI=true; these are the common ones that do not.
    private static readonly string[] ServiceVariables = ["TF_BUILD", "JENKINS_URL", "TEAMCITY_VERSION"];

    public static bool IsDetected(Func<string, string?> environment)
    {
        if (IsTrue(environment("CI")))
        {
            return true;
        }

        return ServiceVariables.Any(name => !string.IsNullOrEmpty(environment(name)));
    }

    public static bool IsTrue(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
}
