namespace AgentTestGuard.TestingPlatform.ExitCode;

/// <summary>
/// Asks the platform to report success although tests failed, through the one public switch it
/// reads when it computes the exit code: TESTINGPLATFORM_EXITCODE_IGNORE, read live after the
/// session-finishing handlers (docs/design/run-time-quarantine.md).
/// </summary>
/// <remarks>
/// Test code runs in the same process and can set the variable too, to "2" say, which would turn
/// a gating failure into a green run. So the user's own value is taken when the test app starts,
/// before any test runs (<see cref="Session.RunState.ExitCodeIgnoreAtStart"/>), and at the end the variable
/// is set to exactly what the package's verdict allows, whatever a test left in it.
/// </remarks>
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

    /// <summary>
    /// The variable's value at the end of the session: the user's codes, with "2" added only when
    /// the verdict overlooks the failed tests; null (unset) when the user set none, so that their
    /// --ignore-exit-code applies as the platform would apply it.
    /// </summary>
    /// <param name="userVariable">The variable as it was when the test app started.</param>
    public static string? Settle(string? userVariable, string? ignoreExitCodeOption, bool ignoreFailedTests) =>
        ignoreFailedTests ? Merge(userVariable, ignoreExitCodeOption) : userVariable;

    /// <summary>Sets the process's variable to <see cref="Settle"/>'s value.</summary>
    public static void Apply(string? userVariable, string? ignoreExitCodeOption, bool ignoreFailedTests) =>
        Environment.SetEnvironmentVariable(Variable, Settle(userVariable, ignoreExitCodeOption, ignoreFailedTests));
}
