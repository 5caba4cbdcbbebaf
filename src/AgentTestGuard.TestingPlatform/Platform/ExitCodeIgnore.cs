namespace AgentTestGuard.TestingPlatform.Platform;

/// <summary>
/// Asks the platform to report success although tests failed, through the one public switch it
/// reads when it computes the exit code: TESTINGPLATFORM_EXITCODE_IGNORE, read live after the
/// session-finishing handlers (docs/design/run-time-quarantine.md).
/// </summary>
internal static class ExitCodeIgnore
{
    public const string Variable = "TESTINGPLATFORM_EXITCODE_IGNORE";

    /// <summary>The platform's exit code for "at least one test failed".</summary>
    public const int AtLeastOneTestFailed = 2;

    /// <summary>
    /// The variable replaces --ignore-exit-code when set, so the user's own codes (from the
    /// variable, else the option) are kept: "8" becomes "8;2".
    /// </summary>
    public static string Merge(string? existingVariable, string? ignoreExitCodeOption)
    {
        var existing = !string.IsNullOrWhiteSpace(existingVariable) ? existingVariable : ignoreExitCodeOption;
        if (string.IsNullOrWhiteSpace(existing))
        {
            return "2";
        }

        var codes = existing.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return codes.Contains("2") ? existing : existing.TrimEnd(';') + ";2";
    }

    public static void Apply(string? ignoreExitCodeOption) =>
        Environment.SetEnvironmentVariable(Variable, Merge(Environment.GetEnvironmentVariable(Variable), ignoreExitCodeOption));
}
