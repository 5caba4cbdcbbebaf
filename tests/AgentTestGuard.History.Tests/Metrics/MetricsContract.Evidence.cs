using AgentTestGuard.History.Metrics;
using AgentTestGuard.History.Store;
using AgentTestGuard.History.Tests.TestSupport;
using Xunit;

namespace AgentTestGuard.History.Tests.Metrics;

/// <summary>The evidence `dotnet agt approve` asks the history for (<see cref="TestEvidence"/>).</summary>
public abstract partial class MetricsContract
{
    private static readonly string[] FivePasses = ["passed", "passed", "passed", "passed", "passed"];

    private static EvidenceKey Key(string test, string fingerprint = "f1") => new("Shop.Tests", $"Shop.Tests.A.{test}", fingerprint);

    private static string Describe(TestEvidence e) =>
        $"{e.Runs} runs, {e.Attempts} attempts, {e.PassedRuns} passed, {e.FailedRuns} failed, {(e.Flaky ? "flaky" : "steady")}";

    [Fact]
    public void Evidence_counts_runs_attempts_passes_and_failures_of_a_test_at_its_fingerprint()
    {
        var history = History()
            .Run(
                "r1",
                new T("Shop.Tests.A.Steady", "passed", Reruns: FivePasses),
                new T("Shop.Tests.A.Flaky", "passed", Reruns: ["passed", "failed", "passed", "passed", "passed"]),
                new T("Shop.Tests.A.Theory", "passed", DisplayName: "Theory(1)"),
                new T("Shop.Tests.A.Theory", "passed", DisplayName: "Theory(2)"),
                new T("Shop.Tests.A.Edited", "failed", "f1"))
            .Run(
                "r2",
                new T("Shop.Tests.A.Steady", "passed"),
                new T("Shop.Tests.A.Theory", "passed", DisplayName: "Theory(1)"),
                new T("Shop.Tests.A.Theory", "failed", DisplayName: "Theory(2)"),
                new T("Shop.Tests.A.Edited", "passed", "f2"),
                new T("Shop.Tests.A.Skipped", "skipped"))
            // A local run of the same commit, where the steady test failed.
            .Run("r2", "local", new T("Shop.Tests.A.Steady", "failed"));
        EvidenceKey[] keys = [Key("Steady"), Key("Flaky"), Key("Theory"), Key("Edited", "f1"), Key("Edited", "f2"), Key("Skipped"), Key("Never_ran")];

        var ci = history.Evidence(HistoryQuery.CiRuns, keys);
        var everywhere = history.Evidence(new HistoryQuery(null, null, null), keys);

        Assert.Equal(
            [
                "2 runs, 7 attempts, 2 passed, 0 failed, steady",
                "1 runs, 6 attempts, 0 passed, 1 failed, flaky",
                // A case failing at another revision is no flakiness: Theory(2) passed at r1, failed at r2.
                "2 runs, 4 attempts, 1 passed, 1 failed, steady",
                "1 runs, 1 attempts, 0 passed, 1 failed, steady",
                "1 runs, 1 attempts, 1 passed, 0 failed, steady",
                "0 runs, 0 attempts, 0 passed, 0 failed, steady",
                "0 runs, 0 attempts, 0 passed, 0 failed, steady",
            ],
            keys.Select(k => Describe(ci[k])));
        // With local runs, the steady test passed and failed at r2: flaky across runs.
        Assert.Equal("3 runs, 8 attempts, 2 passed, 1 failed, flaky", Describe(everywhere[Key("Steady")]));
        Assert.Same(TestEvidence.None, ci[Key("Never_ran")]);
    }

    [Fact]
    public void Evidence_without_revisions_sees_flakiness_only_within_a_run()
    {
        var history = History()
            .Run(null, new T("Shop.Tests.A.B", "passed"), new T("Shop.Tests.A.C", "failed", Reruns: ["failed", "passed"]))
            .Run(null, new T("Shop.Tests.A.B", "failed"), new T("Shop.Tests.A.C", "passed"));

        var evidence = history.Evidence(HistoryQuery.CiRuns, Key("B"), Key("C"));

        Assert.Equal("2 runs, 2 attempts, 1 passed, 1 failed, steady", Describe(evidence[Key("B")]));
        Assert.Equal("2 runs, 4 attempts, 1 passed, 1 failed, flaky", Describe(evidence[Key("C")]));
    }
}
