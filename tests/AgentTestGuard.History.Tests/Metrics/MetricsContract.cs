using AgentTestGuard.Approvals;
using AgentTestGuard.History.Metrics;
using AgentTestGuard.History.Store;
using AgentTestGuard.History.Tests.TestSupport;
using AgentTestGuard.Incidents;
using Xunit;

namespace AgentTestGuard.History.Tests.Metrics;

/// <summary>
/// Every definition of docs/metrics.md against scripted histories with known answers, run against
/// each store: the derived classes only say how to open a fresh one.
/// </summary>
public abstract partial class MetricsContract : IDisposable
{
    private IHistoryStore? _store;

    protected TempFolder Folder { get; } = new();

    // private protected: IHistoryStore is internal to the package.
    private protected abstract IHistoryStore OpenStore();

    private ScriptedHistory History() => new(_store ??= OpenStore(), Folder);

    public void Dispose()
    {
        _store?.Dispose();
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing) => Folder.Dispose();

    // The counts of a row, in the order the JSON lists them.
    private static string Counts(MetricsRow row)
    {
        var f = row.Figures;
        return $"seen {f.TestsSeen}, flaky {f.FlakyTests}/{f.FlakyFailures}, caught {f.DefectsCaught}, false {f.FalseAlarms}, rejected {f.Rejections}, mistakes {f.Mistakes}, approved {f.Approved}, pending {f.PendingReview}";
    }

    [Fact]
    public void A_single_failing_run_is_a_test_seen_and_pending_and_nothing_more()
    {
        var report = History().Run("r1", new T("Shop.Tests.A.B", "failed")).Metrics();

        Assert.Equal("seen 1, flaky 0/0, caught 0, false 0, rejected 0, mistakes 0, approved 0, pending 1", Counts(report.Overall));
        Assert.Null(report.Overall.Figures.DefectCatchRate);
    }

    [Fact]
    public void A_failure_that_passes_at_a_later_revision_with_the_same_fingerprint_is_a_defect_caught()
    {
        // Revisions from the CI's variable, without any git repository.
        var report = History()
            .Run("r1", new T("Shop.Tests.A.B", "failed"))
            .Run("r1", new T("Shop.Tests.A.B", "failed"))
            .Run("r2", new T("Shop.Tests.A.B", "passed"))
            .Run("r3", new T("Shop.Tests.A.B", "passed"))
            .Metrics();

        Assert.Equal("seen 1, flaky 0/0, caught 1, false 0, rejected 0, mistakes 0, approved 0, pending 1", Counts(report.Overall));
        Assert.Equal(1.0, report.Overall.Figures.DefectCatchRate);
        var caught = Assert.Single(report.Overall.Events);
        Assert.Equal((MetricEventKind.DefectCaught, "copilot", Runs.Start.AddDays(2)), (caught.Kind, caught.Agent, caught.At));
    }

    [Fact]
    public void A_failure_that_passes_only_after_the_test_changed_is_a_false_alarm()
    {
        var report = History()
            .Run("r1", new T("Shop.Tests.A.B", "failed", "f1"))
            .Run("r2", new T("Shop.Tests.A.B", "failed", "f2"))
            .Run("r3", new T("Shop.Tests.A.B", "passed", "f3"))
            .Metrics();

        Assert.Equal("seen 1, flaky 0/0, caught 0, false 1, rejected 0, mistakes 0, approved 0, pending 1", Counts(report.Overall));
        Assert.Equal(0.0, report.Overall.Figures.DefectCatchRate);
        Assert.Equal("failed at r1 with fingerprint f1; passed at r3 with fingerprint f3", Assert.Single(report.Overall.Events).Detail);
    }

    [Fact]
    public void A_test_fixed_in_the_same_commit_as_the_code_counts_as_a_false_alarm()
    {
        // The fingerprint changed before the test passed again: the history cannot tell which edit fixed it.
        var report = History()
            .Run("r1", new T("Shop.Tests.A.B", "failed", "f1"))
            .Run("r2", new T("Shop.Tests.A.B", "passed", "f2"))
            .Metrics();

        Assert.Equal("seen 1, flaky 0/0, caught 0, false 1, rejected 0, mistakes 0, approved 0, pending 1", Counts(report.Overall));
    }

    [Fact]
    public void Passing_and_failing_at_the_same_revision_and_fingerprint_is_flaky_and_neither_a_catch_nor_a_false_alarm()
    {
        var report = History()
            .Run("r1", new T("Shop.Tests.A.B", "passed"), new T("Shop.Tests.A.C", "passed"))
            .Run("r1", new T("Shop.Tests.A.B", "failed"), new T("Shop.Tests.A.C", "passed"))
            .Run("r2", new T("Shop.Tests.A.B", "passed"), new T("Shop.Tests.A.C", "passed"))
            .Metrics();

        Assert.Equal("seen 2, flaky 1/1, caught 0, false 0, rejected 0, mistakes 0, approved 0, pending 2", Counts(report.Overall));
        Assert.Equal(0.5, report.Overall.Figures.FlakinessRate);
        Assert.Equal(0.0, report.Overall.Figures.DefectCatchRate);
    }

    [Fact]
    public void A_pass_after_retries_is_flaky_and_a_failure_of_every_attempt_is_a_failure()
    {
        var report = History()
            .Run("r1", new T("Shop.Tests.A.Retried", "passed", Attempts: 3), new T("Shop.Tests.A.Broken", "failed", Attempts: 3))
            .Run("r2", new T("Shop.Tests.A.Retried", "passed"), new T("Shop.Tests.A.Broken", "passed"))
            .Metrics();

        Assert.Equal("seen 2, flaky 1/1, caught 1, false 0, rejected 0, mistakes 0, approved 0, pending 2", Counts(report.Overall));
        Assert.Equal([MetricEventKind.FlakyFailure, MetricEventKind.DefectCaught], report.Overall.Events.Select(e => e.Kind));
        Assert.Equal(0.5, report.Overall.Figures.DefectCatchRate);
    }

    [Fact]
    public void A_theorys_cases_are_judged_apart_and_an_event_counts_once_per_test_and_run()
    {
        var report = History()
            .Run("r1", new T("Shop.Tests.A.T", "failed", DisplayName: "T(1)"), new T("Shop.Tests.A.T", "failed", DisplayName: "T(2)"), new T("Shop.Tests.A.T", "passed", DisplayName: "T(3)"))
            .Run("r2", new T("Shop.Tests.A.T", "passed", DisplayName: "T(1)"), new T("Shop.Tests.A.T", "passed", DisplayName: "T(2)"), new T("Shop.Tests.A.T", "passed", DisplayName: "T(3)"))
            .Metrics();

        // T(3) passing beside T(1) failing at r1 is no flakiness: they are different cases.
        Assert.Equal("seen 1, flaky 0/0, caught 1, false 0, rejected 0, mistakes 0, approved 0, pending 1", Counts(report.Overall));
    }

    [Fact]
    public void A_renamed_test_is_a_new_test_and_the_old_ones_failure_stays_unresolved()
    {
        var report = History()
            .Run("r1", new T("Shop.Tests.A.Old_name", "failed"))
            .Run("r2", new T("Shop.Tests.A.New_name", "passed"))
            .Metrics();

        Assert.Equal("seen 2, flaky 0/0, caught 0, false 0, rejected 0, mistakes 0, approved 0, pending 1", Counts(report.Overall));
    }

    [Fact]
    public void A_deleted_test_counts_as_seen_but_no_longer_awaits_review()
    {
        var report = History()
            .Run("r1", new T("Shop.Tests.A.Gone", "failed"), new T("Shop.Tests.A.Kept", "passed"))
            .Run("r2", new T("Shop.Tests.A.Kept", "passed"))
            .Metrics();

        Assert.Equal("seen 2, flaky 0/0, caught 0, false 0, rejected 0, mistakes 0, approved 0, pending 1", Counts(report.Overall));
    }

    [Fact]
    public void Without_revisions_a_fail_then_pass_is_counted_as_nothing()
    {
        var report = History()
            .Run(null, new T("Shop.Tests.A.B", "failed"))
            .Run(null, new T("Shop.Tests.A.B", "passed"))
            .Metrics();

        Assert.Equal("seen 1, flaky 0/0, caught 0, false 0, rejected 0, mistakes 0, approved 0, pending 1", Counts(report.Overall));
    }

    [Fact]
    public void Local_runs_are_left_out_unless_asked_for()
    {
        var history = History()
            .Run("r1", "local", new T("Shop.Tests.A.B", "failed"))
            .Run("r2", new T("Shop.Tests.A.B", "passed"));

        Assert.Equal("seen 1, flaky 0/0, caught 0, false 0, rejected 0, mistakes 0, approved 0, pending 1", Counts(history.Metrics().Overall));
        Assert.Equal("seen 1, flaky 0/0, caught 1, false 0, rejected 0, mistakes 0, approved 0, pending 1", Counts(history.Metrics(query: new HistoryQuery(null, null, null)).Overall));
    }

    [Fact]
    public void A_window_of_the_last_runs_or_days_counts_only_what_happened_in_it()
    {
        var history = History()
            .Run("r1", new T("Shop.Tests.A.B", "failed"))
            .Run("r2", new T("Shop.Tests.A.B", "passed"))
            .Run("r3", new T("Shop.Tests.A.C", "failed"))
            .Run("r4", new T("Shop.Tests.A.C", "passed"), new T("Shop.Tests.A.B", "passed"));

        Assert.Equal(2, history.Metrics().Overall.Figures.DefectsCaught);
        Assert.Equal("seen 2, flaky 0/0, caught 1, false 0, rejected 0, mistakes 0, approved 0, pending 2", Counts(history.Metrics(query: HistoryQuery.CiRuns with { LastRuns = 2 }).Overall));
        Assert.Equal("seen 2, flaky 0/0, caught 0, false 0, rejected 0, mistakes 0, approved 0, pending 2", Counts(history.Metrics(query: HistoryQuery.CiRuns with { Since = Runs.Start.AddDays(3) }).Overall));
    }

    [Fact]
    public void Review_burden_comes_from_the_ledger_and_the_incident_log()
    {
        var dana = "Dana Lee <dana@example.com>";
        var history = History()
            .Run("r1", new T("Shop.Tests.A.Approved", "passed", "f1"), new T("Shop.Tests.A.Stale", "passed", "f1", Agent: "claude-code"), new T("Shop.Tests.A.Rejected", "failed", "f1"))
            .Run("r2", new T("Shop.Tests.A.Approved", "passed", "f1"), new T("Shop.Tests.A.Stale", "passed", "f2", Agent: "claude-code"), new T("Shop.Tests.A.Rejected", "failed", "f1"), new T("Shop.Tests.A.New", "passed"));
        var reviews = new ReviewRecords(
            [
                new Approval("Shop.Tests", "Shop.Tests.A.Approved", "f1", dana, Runs.Start.AddHours(10)),
                new Approval("Shop.Tests", "Shop.Tests.A.Stale", "f1", dana, Runs.Start.AddHours(30)),
                new Approval("Shop.Tests", "Shop.Tests.A.Never_seen", "f1", dana, Runs.Start.AddHours(30)),
            ],
            [
                new Incident(IncidentKind.Rejection, "Shop.Tests", "Shop.Tests.A.Rejected", "f1", "copilot", dana, Runs.Start.AddHours(50), "asserts the mock"),
                new Incident(IncidentKind.Mistake, null, null, null, "claude-code", dana, Runs.Start.AddHours(60), "deleted a test"),
            ]);

        // Now is the start of the fourth day: Stale (edited after approval) has waited 3 days, New 2.
        var report = history.Metrics(reviews, now: Runs.Start.AddDays(3));

        Assert.Equal("seen 4, flaky 0/0, caught 0, false 0, rejected 1, mistakes 1, approved 2, pending 2", Counts(report.Overall));
        Assert.Equal(
            (TimeSpan.FromDays(2.5), TimeSpan.FromDays(3), TimeSpan.FromHours(30), TimeSpan.FromHours(50)),
            (report.Overall.Figures.QuarantineAgeMedian, report.Overall.Figures.QuarantineAgeMax, report.Overall.Figures.DecisionTimeMedian, report.Overall.Figures.DecisionTimeP90));
        Assert.Equal(["claude-code", "copilot"], report.Agents.Select(a => a.Name));
        Assert.Equal("seen 1, flaky 0/0, caught 0, false 0, rejected 0, mistakes 1, approved 1, pending 1", Counts(report.Agents[0]));
        Assert.Equal("seen 3, flaky 0/0, caught 0, false 0, rejected 1, mistakes 0, approved 1, pending 1", Counts(report.Agents[1]));
        Assert.Equal((1, 1), (report.Agents[0].Figures.Triage, report.Agents[1].Figures.Triage));
        Assert.Equal((1, 1), (report.Agents[0].Figures.Value, report.Agents[1].Figures.Value));
    }
}
