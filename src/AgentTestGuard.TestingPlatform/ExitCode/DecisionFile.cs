namespace AgentTestGuard.TestingPlatform.ExitCode;

/// <summary>
/// How the test host tells the controller process (when the platform runs the tests in a child
/// process, e.g. for the TRX report) that only quarantined tests failed: the controller applies
/// the platform's exit-code policy again, with its own environment.
/// </summary>
internal static class DecisionFile
{
    /// <summary>Set by the controller for the child: where the child writes its decision.</summary>
    public const string Variable = "AGENTTESTGUARD_DECISION_FILE";

    public const string IgnoreFailedTests = "ignore-failed-tests";

    /// <summary>Written when failed tests count, so that what a test wrote into the file is replaced.</summary>
    public const string FailedTestsCount = "failed-tests-count";

    public static string For(bool ignoreFailedTests) => ignoreFailedTests ? IgnoreFailedTests : FailedTestsCount;
}
