using AgentTestGuard.Assertions;
using AgentTestGuard.Tool.Evidence;
using AgentTestGuard.Tool.Report.Sources;

namespace AgentTestGuard.Tool.Tests.Evidence;

/// <summary>Run records of Shop.Tests built by hand, as the record reader gives them, for the evidence tests.</summary>
internal static class Runs
{
    public const string Test = "Shop.Tests.CartTests.Total";

    public static readonly string Current = "v2:" + new string('c', 32);

    public static readonly string Older = "v2:" + new string('0', 32);

    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static RunRecordDetails Run(int n, string? revision, params RunRecordTest[] tests) => new(
        $"/repo/TestResults/run{n}.agentrun.json", $"run{n}", "Shop.Tests", "local", revision, Start.AddHours(n), Start.AddHours(n).AddSeconds(5),
        Enforce: false, EnforceFailed: false, GatingFailures: 0, QuarantinedFailures: 0, tests);

    /// <summary>The agent test's result at <paramref name="fingerprint"/> (the current one by default), with its reruns' outcomes.</summary>
    public static RunRecordTest Result(string outcome, string? fingerprint = null, string? displayName = null, params string[] reruns) =>
        new(Test, outcome, 1 + reruns.Length, RunRecordTest.IsFailed(outcome) ? "Assert.Equal() Failure" : null, "quarantined")
        {
            Fingerprint = fingerprint ?? Current,
            DisplayName = displayName,
            Reruns = [.. reruns.Select(r => new RunRecordRerun(r, 1.5, RunRecordTest.IsFailed(r) ? "Assert.Equal() Failure" : null))],
            Flaky = reruns.Length > 0 && reruns.Append(outcome).Any(o => o == "passed") && reruns.Append(outcome).Any(RunRecordTest.IsFailed),
        };

    /// <summary>The agent test <see cref="Test"/> at the <see cref="Current"/> fingerprint, as the inventory gives it.</summary>
    public static Inventory.AgentTest Agent(CannotFail? cannotFail = null) =>
        new(Test, "Shop.Tests.CartTests", "Total", "copilot", Inventory.AgentEvidence.None, ["CART-12"], Current, Source: null) { CannotFail = cannotFail };

    /// <summary>Runs, attempts, passing runs, failing runs, flaky.</summary>
    public static (int, int, int, int, bool) Figures(TestEvidence e) => (e.Runs, e.Attempts, e.PassingRuns, e.FailingRuns, e.Flaky);
}
