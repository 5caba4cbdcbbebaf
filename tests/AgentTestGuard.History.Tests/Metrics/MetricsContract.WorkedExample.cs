using AgentTestGuard.Approvals;
using AgentTestGuard.Configuration;
using AgentTestGuard.History.Metrics;
using AgentTestGuard.History.Tests.TestSupport;
using AgentTestGuard.Incidents;
using Xunit;

namespace AgentTestGuard.History.Tests.Metrics;

/// <summary>The worked example of docs/metrics.md, figure by figure.</summary>
public abstract partial class MetricsContract
{
    private static readonly string F1 = "v2:" + new string('1', 32);
    private static readonly string F2 = "v2:" + new string('2', 32);
    private static readonly string F3 = "v2:" + new string('3', 32);
    private static readonly string F4 = "v2:" + new string('4', 32);
    private static readonly string F5 = "v2:" + new string('5', 32);

    private static readonly ReviewRecords WorkedReviews = new(
        [new Approval("Shop.Tests", "Shop.Tests.CartTests.Total_includes_tax", F1, "Dana Lee <dana@example.com>", At(3, 12))],
        [
            new Incident(IncidentKind.Rejection, "Shop.Tests", "Shop.Tests.CartTests.Rounds_half_up", F4, "claude-code", "Dana Lee <dana@example.com>", At(5, 9), "retries hide a race"),
            new Incident(IncidentKind.Mistake, null, null, null, "claude-code", "Dana Lee <dana@example.com>", At(4, 10), "deleted a failing test"),
        ]);

    private static DateTimeOffset At(int day, int hour) => new(2026, 11, day, hour, 0, 0, TimeSpan.Zero);

    private ScriptedHistory WorkedHistory() => History()
        .Run("a1",
            new T("Shop.Tests.CartTests.Total_includes_tax", "failed", F1, Criteria: ["CART-12"]),
            new T("Shop.Tests.CartTests.Discount_applies", "failed", F2, Criteria: ["CART-13"]),
            new T("Shop.Tests.CartTests.Empty_cart_is_zero", "passed", F3, Agent: "claude-code", Criteria: ["CART-14"]),
            new T("Shop.Tests.CartTests.Rounds_half_up", "passed", F4, Attempts: 2, Agent: "claude-code", Criteria: ["CART-14"]))
        .Run("b2",
            new T("Shop.Tests.CartTests.Total_includes_tax", "passed", F1, Criteria: ["CART-12"]),
            new T("Shop.Tests.CartTests.Discount_applies", "passed", F5, Criteria: ["CART-13"]),
            new T("Shop.Tests.CartTests.Empty_cart_is_zero", "passed", F3, Agent: "claude-code", Criteria: ["CART-14"]),
            new T("Shop.Tests.CartTests.Rounds_half_up", "passed", F4, Agent: "claude-code", Criteria: ["CART-14"]))
        .Run("b2",
            new T("Shop.Tests.CartTests.Total_includes_tax", "passed", F1, Criteria: ["CART-12"]),
            new T("Shop.Tests.CartTests.Discount_applies", "passed", F5, Criteria: ["CART-13"]),
            new T("Shop.Tests.CartTests.Empty_cart_is_zero", "failed", F3, Agent: "claude-code", Criteria: ["CART-14"]),
            new T("Shop.Tests.CartTests.Rounds_half_up", "passed", F4, Agent: "claude-code", Criteria: ["CART-14"]));

    [Fact]
    public void The_worked_example_per_agent_and_overall()
    {
        var report = WorkedHistory().Metrics(WorkedReviews, now: At(6, 9));

        Assert.Equal(["claude-code", "copilot"], report.Agents.Select(a => a.Name));
        var claude = report.Agents[0].Figures;
        var copilot = report.Agents[1].Figures;
        var overall = report.Overall.Figures;
        Assert.Equal("seen 2, flaky 0/0, caught 1, false 1, rejected 0, mistakes 0, approved 1, pending 1", Counts(report.Agents[1]));
        Assert.Equal((1, 2, 0.5, 0.0), (copilot.Triage, copilot.Value, copilot.DefectCatchRate, copilot.FlakinessRate));
        Assert.Equal("seen 2, flaky 2/2, caught 0, false 0, rejected 1, mistakes 1, approved 0, pending 1", Counts(report.Agents[0]));
        Assert.Equal((4, 0, 0.0, 1.0), (claude.Triage, claude.Value, claude.DefectCatchRate, claude.FlakinessRate));
        Assert.Equal("seen 4, flaky 2/2, caught 1, false 1, rejected 1, mistakes 1, approved 1, pending 2", Counts(report.Overall));
        Assert.Equal((5, 2, 0.25, 0.5), (overall.Triage, overall.Value, overall.DefectCatchRate, overall.FlakinessRate));
        Assert.Equal(
            (TimeSpan.FromDays(4), TimeSpan.FromDays(4), TimeSpan.FromHours(49.5), TimeSpan.FromHours(72)),
            (overall.QuarantineAgeMedian, overall.QuarantineAgeMax, overall.DecisionTimeMedian, overall.DecisionTimeP90));
    }

    [Fact]
    public void The_worked_example_per_criterion()
    {
        var report = WorkedHistory().Metrics(WorkedReviews, now: At(6, 9));

        Assert.Equal(
            [
                "CART-12: seen 1, flaky 0/0, caught 1, false 0, rejected 0, mistakes 0, approved 1, pending 0",
                "CART-13: seen 1, flaky 0/0, caught 0, false 1, rejected 0, mistakes 0, approved 0, pending 1",
                "CART-14: seen 2, flaky 2/2, caught 0, false 0, rejected 1, mistakes 0, approved 0, pending 1",
            ],
            report.Criteria.Select(c => $"{c.Name}: {Counts(c)}"));
    }

    [Fact]
    public void The_worked_example_stop_rule_trips_for_claude_code_at_the_mistake()
    {
        var report = WorkedHistory().Metrics(WorkedReviews, now: At(6, 9));
        var rule = new StopRule(30, null, 3, 1.0);

        var claude = StopRuleState.Evaluate(report.Agents[0].Events, rule);
        var copilot = StopRuleState.Evaluate(report.Agents[1].Events, rule);

        Assert.Equal((true, 4, 4, 0, (DateTimeOffset?)At(4, 10), (double?)null), (claude.Trips, claude.Events, claude.Triage, claude.Value, claude.TrippedAt, claude.Ratio));
        Assert.Equal((false, 3, 1, 2, (DateTimeOffset?)null, (double?)0.5), (copilot.Trips, copilot.Events, copilot.Triage, copilot.Value, copilot.TrippedAt, copilot.Ratio));
    }

    [Fact]
    public void The_worked_example_false_alarm_becomes_one_incident_however_often_it_is_measured()
    {
        var report = WorkedHistory().Metrics(WorkedReviews, now: At(6, 9));

        var first = FalseAlarmIncidents.Missing(report.Overall.Events, WorkedReviews.Incidents);
        var again = FalseAlarmIncidents.Missing(report.Overall.Events, [.. WorkedReviews.Incidents, .. first]);

        Assert.Equal(
            [new Incident(
                IncidentKind.FalseAlarm, "Shop.Tests", "Shop.Tests.CartTests.Discount_applies", F2, "copilot", FalseAlarmIncidents.RecordedBy, At(3, 9),
                $"failed at a1 with fingerprint {F2}; passed at b2 with fingerprint {F5}")],
            first);
        Assert.Empty(again);
    }
}
