using AgentTestGuard.History.Metrics;
using AgentTestGuard.History.Tests.TestSupport;
using Xunit;

namespace AgentTestGuard.History.Tests.Metrics;

/// <summary>Results that list their attempts (early flake detection's reruns): docs/metrics.md, What is counted.</summary>
public abstract partial class MetricsContract
{
    [Fact]
    public void A_test_that_passed_every_rerun_is_not_flaky()
    {
        var report = History()
            .Run("r1", new T("Shop.Tests.A.B", "passed", Reruns: FivePasses))
            .Run("r2", new T("Shop.Tests.A.B", "passed", Reruns: FivePasses))
            .Metrics();

        Assert.Equal("seen 1, flaky 0/0, caught 0, false 0, rejected 0, mistakes 0, approved 0, pending 1", Counts(report.Overall));
        Assert.Null(report.Overall.Figures.DefectCatchRate);
    }

    [Fact]
    public void A_failure_whose_reruns_pass_is_a_flaky_failure_and_no_defect_when_it_passes_later()
    {
        var report = History()
            .Run("r1", new T("Shop.Tests.A.B", "failed", Reruns: ["passed", "passed", "failed", "passed", "passed"]))
            .Run("r2", new T("Shop.Tests.A.B", "passed", Reruns: FivePasses))
            .Metrics();

        Assert.Equal("seen 1, flaky 1/1, caught 0, false 0, rejected 0, mistakes 0, approved 0, pending 1", Counts(report.Overall));
        Assert.Equal((MetricEventKind.FlakyFailure, Runs.Start), (report.Overall.Events[0].Kind, report.Overall.Events[0].At));
    }

    [Fact]
    public void A_pass_whose_rerun_failed_is_a_flaky_failure()
    {
        // The first result passed; only a rerun failed: still a failure the agent's test produced.
        var report = History()
            .Run("r1", new T("Shop.Tests.A.B", "passed", Reruns: ["passed", "failed", "passed", "passed", "passed"]), new T("Shop.Tests.A.C", "passed", Reruns: FivePasses))
            .Metrics();

        Assert.Equal("seen 2, flaky 1/1, caught 0, false 0, rejected 0, mistakes 0, approved 0, pending 2", Counts(report.Overall));
        Assert.Equal((0.5, 0.0), (report.Overall.Figures.FlakinessRate, report.Overall.Figures.DefectCatchRate));
    }

    [Fact]
    public void A_failure_of_every_attempt_that_passes_at_a_later_revision_is_a_defect_caught()
    {
        var report = History()
            .Run("r1", new T("Shop.Tests.A.B", "failed", Reruns: ["failed", "error", "failed", "timedOut", "failed"]), new T("Shop.Tests.A.C", "failed", "f1", Reruns: ["failed"]))
            .Run("r2", new T("Shop.Tests.A.B", "passed", Reruns: FivePasses), new T("Shop.Tests.A.C", "passed", "f2", Reruns: ["passed"]))
            .Metrics();

        Assert.Equal("seen 2, flaky 0/0, caught 1, false 1, rejected 0, mistakes 0, approved 0, pending 2", Counts(report.Overall));
    }

    [Fact]
    public void A_result_without_reruns_keeps_the_retry_meaning_beside_one_with_them()
    {
        // Retried passed after 3 attempts (a retry extension): flaky. Rerun passed its 3 attempts: not.
        var report = History()
            .Run("r1", new T("Shop.Tests.A.Retried", "passed", Attempts: 3), new T("Shop.Tests.A.Rerun", "passed", Reruns: ["passed", "passed"]))
            .Metrics();

        Assert.Equal("seen 2, flaky 1/1, caught 0, false 0, rejected 0, mistakes 0, approved 0, pending 2", Counts(report.Overall));
        Assert.Equal(["Shop.Tests.A.Retried"], report.Tests.Where(t => t.Figures.FlakyTests == 1).Select(t => t.Name.Split(": ")[1]));
    }
}
