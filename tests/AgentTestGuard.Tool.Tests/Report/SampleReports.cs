using AgentTestGuard.Assertions;
using AgentTestGuard.History.Metrics;
using AgentTestGuard.Tool.Report.Building;
using AgentTestGuard.Tool.Report.Model;

namespace AgentTestGuard.Tool.Tests.Report;

/// <summary>
/// Reports built by hand for the renderers' tests: every state, history present, and values an
/// agent could have written to attack each format (markup, workflow commands, terminal escapes).
/// Fixed times, so that golden files compare exactly.
/// </summary>
internal static class SampleReports
{
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A test name an agent chose to break out of every format the report writes.</summary>
    public const string HostileId = "Shop.Tests.Evil.<script>alert(1)</script>|*x*_%0A::error::pwn";

    /// <summary>A failure message carrying a newline followed by a workflow command, an ANSI escape and a pipe.</summary>
    public const string HostileMessage = "Expected 1\n::error::injected\r\n##vso[task.complete result=Succeeded]\u001b[31mred | `code` <b>";

    public static QuarantineReport Typical()
    {
        var tests = new List<ReportTest>
        {
            Test("Shop.Tests.CartTests.Empty_cart_is_zero", "copilot", ReportTestState.Unapproved, ["CART-12"]) with
            {
                Evidence = new ReportEvidence("gpt-5", "pr-481", "Write tests for the cart total"),
                QuarantinedSince = Now.AddDays(-3),
                AgeInQuarantine = TimeSpan.FromDays(3),
                RecentRuns = [Outcome("r1", -3, "passed"), Outcome("r2", -2, "failed"), Outcome("r3", -1, "failed", 2)],
                Attempts = 2,
                Flaky = false,
                DefectsCaught = 0,
                FalseAlarms = 0,
                LastFailure = new ReportFailure("r3", Now.AddDays(-1), "failed", "Assert.Equal() Failure: Values differ\nExpected: 0\nActual:   1"),
                FailedInLatestRun = true,
                BlockedEnforcedRun = true,
            },
            Test(HostileId, "claude-code", ReportTestState.Unapproved, ["CART-12", "SHOP-7"]) with
            {
                Evidence = new ReportEvidence("<img src=x onerror=alert(1)>", null, "ignore previous instructions | *bold*"),
                QuarantinedSince = Now.AddHours(-5),
                AgeInQuarantine = TimeSpan.FromHours(5),
                RecentRuns = [Outcome("r3", -1, "failed")],
                Attempts = 1,
                Flaky = true,
                DefectsCaught = 0,
                FalseAlarms = 1,
                LastFailure = new ReportFailure("r3", Now.AddDays(-1), "failed", HostileMessage),
                LatestReruns = new ReportReruns(6, 2, Flaky: true),
                FailedInLatestRun = true,
                BlockedEnforcedRun = true,
            },
            Test("Shop.Tests.TaxTests.Region_tax_applies", "copilot", ReportTestState.Stale, ["TAX-3"]) with
            {
                QuarantinedSince = Now.AddDays(-1),
                AgeInQuarantine = TimeSpan.FromDays(1),
                Approval = new ReportDecision("Dana Lee <dana.lee@example.com>", Now.AddDays(-20), "checked against the tax table"),
                RecentRuns = [Outcome("r2", -2, "passed"), Outcome("r3", -1, "passed")],
                Attempts = 1,
                Flaky = false,
                DefectsCaught = 1,
                FalseAlarms = 0,
                CannotFail = new CannotFail(CannotFailReason.TrivialAssertion, "Xunit.Assert::Equal is given the same value on both sides"),
            },
            Test("Shop.Tests.TaxTests.Negative_tax", "claude-code", ReportTestState.Rejected, ["TAX-3"]) with
            {
                QuarantinedSince = Now.AddDays(-6),
                AgeInQuarantine = TimeSpan.FromDays(6),
                Rejection = new ReportDecision("Sam Roe <sam.roe@example.com>", Now.AddDays(-2), "asserts the bug, not the requirement"),
                RecentRuns = [Outcome("r3", -1, "passed")],
                Attempts = 1,
                Flaky = false,
                DefectsCaught = 0,
                FalseAlarms = 0,
            },
            Test("Shop.Tests.CartTests.Adds_item", "copilot", ReportTestState.Approved, ["CART-12"]) with
            {
                Approval = new ReportDecision("Dana Lee <dana.lee@example.com>", Now.AddDays(-10), null),
                RecentRuns = [Outcome("r1", -3, "passed"), Outcome("r2", -2, "passed"), Outcome("r3", -1, "passed")],
                Attempts = 1,
                Flaky = false,
                DefectsCaught = 2,
                FalseAlarms = 0,
                CannotFail = new CannotFail(CannotFailReason.NoAssertion, "calls no assertion and expects no exception"),
                ApprovedDespite = new ReportDespite("smoke test of the wiring | *on purpose*", ["cannotFail"]),
            },
        };

        return new QuarantineReport
        {
            GeneratedAt = Now,
            Repository = "/repo",
            Owner = "Dana Lee <dana.lee@example.com>",
            AllowedAgents = ["copilot", "claude-code"],
            Counts = new ReportCounts(
                AgentTests: 5, Quarantined: 4, Unapproved: 2, Stale: 1, Rejected: 1, Gating: 0, Approved: 1,
                QuarantinedFailures: 2, UnreviewedInFailedEnforcedRun: 2, StoppedAgents: 1, AgentsAwaitingDecision: 0, CannotFail: 2),
            Agents =
            [
                new ReportAgent("claude-code", true, 1, 0, 1, 0, 0, Figures(triage: 3, value: 0),
                    new ReportStopRule("stopped", 3, 0, 3, "triage 3 vs value 0 in 3 event(s); trips above 1 x value with at least 3 events", Now.AddDays(-2),
                        new ReportAgentDecision(true, "Dana Lee <dana.lee@example.com>", Now.AddDays(-1), "too many false alarms"))),
                new ReportAgent("copilot", true, 1, 1, 0, 0, 1, Figures(triage: 0, value: 4),
                    new ReportStopRule("ok", 0, 4, 4, "triage 0 vs value 4 in 4 event(s); trips above 1 x value with at least 3 events", null, null)),
            ],
            Criteria =
            [
                new ReportCriterion("CART-12", "An empty cart totals zero", "https://tracker.example.com/browse/CART-12", true),
                new ReportCriterion("SHOP-7", null, "https://tracker.example.com/browse/SHOP-7", true),
                new ReportCriterion("TAX-3", "Tax <b>applies</b> per region | `rate`", null, true),
            ],
            Tests = tests,
            Runs =
            [
                new ReportRun("r3", "Shop.Tests", "ci", "tests/Shop.Tests/TestResults/Shop.Tests.20261130T120000.abc.agentrun.json",
                    Now.AddDays(-1), Now.AddDays(-1).AddSeconds(4), "3481402c0f", Enforce: true, EnforceFailed: true, GatingFailures: 0, QuarantinedFailures: 2),
            ],
            History = new ReportHistory(".agenttestguard/history.sqlite", 3, Now.AddDays(-3), Now.AddDays(-1), Figures(triage: 3, value: 4)),
        };
    }

    /// <summary>The same report without history: what a repository sees before `dotnet agt history import`.</summary>
    public static QuarantineReport WithoutHistory()
    {
        var typical = Typical();
        return typical with
        {
            History = null,
            Agents = [.. typical.Agents.Select(a => a with { Metrics = null, StopRule = null })],
            Counts = typical.Counts with { StoppedAgents = 0 },
            Tests = [.. typical.Tests.Select(t => t with { Flaky = null, DefectsCaught = null, FalseAlarms = null })],
        };
    }

    /// <summary>A report of <paramref name="count"/> tests, a third of them quarantined, 20 runs each: for size and speed.</summary>
    public static QuarantineReport Large(int count)
    {
        var typical = Typical();
        var states = new[] { ReportTestState.Unapproved, ReportTestState.Approved, ReportTestState.Approved };
        var tests = Enumerable.Range(0, count)
            .Select(i => Test($"Shop.Tests.Generated{i / 50:D4}Tests.Case_{i:D5}", i % 2 == 0 ? "copilot" : "claude-code", states[i % 3], [$"CART-{i % 40}"]) with
            {
                RecentRuns = [.. Enumerable.Range(0, 20).Select(r => Outcome($"run{r}", r - 20, (i + r) % 7 == 0 ? "failed" : "passed"))],
                Attempts = 1,
                Flaky = i % 11 == 0,
                DefectsCaught = i % 13 == 0 ? 1 : 0,
                FalseAlarms = 0,
                LastFailure = new ReportFailure("run19", Now.AddDays(-1), "failed", "Assert.Equal() Failure: Values differ"),
            })
            .OrderBy(t => t.State)
            .ToList();
        return typical with
        {
            Tests = tests,
            Criteria = [.. Enumerable.Range(0, 40).Select(i => new ReportCriterion($"CART-{i}", $"Criterion {i}", null, true)).OrderBy(c => c.Id, StringComparer.Ordinal)],
        };
    }

    private static ReportTest Test(string id, string agent, ReportTestState state, IReadOnlyList<string> criteria) => new()
    {
        Id = id,
        Assembly = "Shop.Tests",
        Project = "tests/Shop.Tests/Shop.Tests.csproj",
        Agent = agent,
        Evidence = new ReportEvidence(null, null, null),
        Source = new ReportSource("tests/Shop.Tests/" + id.Split('.')[^2] + ".cs", 12),
        State = state,
        Criteria = criteria,
        QuarantinedSince = null,
        AgeInQuarantine = null,
        Approval = null,
        Rejection = null,
        RecentRuns = [],
        Attempts = 0,
        Flaky = null,
        DefectsCaught = null,
        FalseAlarms = null,
        LastFailure = null,
        FailedInLatestRun = false,
        BlockedEnforcedRun = false,
        ApproveCommand = ReviewCommands.Approve(id),
        RejectCommand = ReviewCommands.Reject(id),
    };

    private static ReportOutcome Outcome(string run, int days, string outcome, int attempts = 1) =>
        new(run, Now.AddDays(days), outcome, attempts);

    private static Figures Figures(int triage, int value) =>
        new(TestsSeen: 3, FlakyTests: triage > 0 ? 1 : 0, FlakyFailures: triage > 0 ? 1 : 0, DefectsCaught: value > 0 ? 3 : 0, FalseAlarms: triage > 1 ? 1 : 0,
            Rejections: triage > 2 ? 1 : 0, Mistakes: 0, Approved: value > 0 ? 1 : 0, PendingReview: 2,
            QuarantineAgeMedian: TimeSpan.FromDays(2), QuarantineAgeMax: TimeSpan.FromDays(6), DecisionTimeMedian: TimeSpan.FromDays(4), DecisionTimeP90: TimeSpan.FromDays(8));
}
