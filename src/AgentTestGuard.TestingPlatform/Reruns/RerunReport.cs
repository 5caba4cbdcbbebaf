namespace AgentTestGuard.TestingPlatform.Reruns;

/// <summary>The run record's run-level "reruns": what early flake detection was asked to do, and did.</summary>
/// <param name="Requested">Reruns asked for per test.</param>
/// <param name="BudgetSeconds">The cap on the whole rerun time.</param>
/// <param name="Rounds">Rounds whose results count (a round runs every test that still has a rerun to go, in one test app).</param>
/// <param name="Stopped">
/// Null when every round ran; else why the reruns stopped early: <see cref="Budget"/>, <see cref="Cancelled"/>,
/// or a problem starting or reading the test app.
/// </param>
internal sealed record RerunReport(int Requested, int BudgetSeconds, int Rounds, string? Stopped)
{
    public const string Budget = "budget";
    public const string Cancelled = "cancelled";
}
