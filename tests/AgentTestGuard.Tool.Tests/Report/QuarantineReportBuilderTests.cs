using AgentTestGuard.Approvals;
using AgentTestGuard.Assertions;
using AgentTestGuard.Configuration;
using AgentTestGuard.Decisions;
using AgentTestGuard.History.Import;
using AgentTestGuard.History.Metrics;
using AgentTestGuard.History.Store;
using AgentTestGuard.Incidents;
using AgentTestGuard.Inventory;
using AgentTestGuard.Tool.History;
using AgentTestGuard.Tool.Report.Building;
using AgentTestGuard.Tool.Report.Model;
using AgentTestGuard.Tool.Report.Sources;
using AgentTestGuard.Tool.Tests.Init;
using AgentTestGuard.Tool.Workspace;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Report;

/// <summary>The report built from real run records (and a real SQLite history) and the rows `status` shows.</summary>
public sealed class QuarantineReportBuilderTests : TempFolder
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Approved = Now.AddDays(-10);
    private DateTimeOffset _approvedAt = Approved;
    private string? _despite;

    [Fact]
    public void Tests_come_quarantined_first_then_approved_each_with_its_commands()
    {
        var report = Build(history: false);

        Assert.Equal(
            ["Shop.Tests.A.Unapproved_b", "Shop.Tests.A.Unapproved_c", "Shop.Tests.A.Stale", "Shop.Tests.A.Rejected", "Shop.Tests.A.Approved"],
            report.Tests.Select(t => t.Id));
        Assert.Equal(
            [ReportTestState.Unapproved, ReportTestState.Unapproved, ReportTestState.Stale, ReportTestState.Rejected, ReportTestState.Approved],
            report.Tests.Select(t => t.State));
        var rejected = report.Tests[3];
        Assert.Equal(new ReportDecision("Sam Roe <sam@example.com>", Now.AddDays(-1), "asserts the bug"), rejected.Rejection);
        Assert.Equal("dotnet agt approve Shop.Tests.A.Unapproved_b", report.Tests[0].ApproveCommand);
        Assert.Equal("dotnet agt reject Shop.Tests.A.Unapproved_b --reason \"<what the agent got wrong>\"", report.Tests[0].RejectCommand);
        Assert.Equal(new ReportSource("tests/Shop.Tests/A.cs", 10), report.Tests[0].Source);
        Assert.Equal("tests/Shop.Tests/Shop.Tests.csproj", report.Tests[0].Project);
        Assert.Equal(new ReportCounts(5, 4, 2, 1, 1, 0, 1, 1, 4, 0, 0, CannotFail: 1), report.Counts);
    }

    [Fact]
    public void An_approval_given_despite_missing_evidence_shows_the_reason_and_what_was_missing()
    {
        Assert.Null(Build(history: false).Tests.Single(t => t.State == ReportTestState.Approved).ApprovedDespite);
        _despite = "the assertion is in a helper of another assembly";

        var approved = Build(history: false).Tests.Single(t => t.State == ReportTestState.Approved);

        Assert.Equal("the assertion is in a helper of another assembly", approved.ApprovedDespite!.Reason);
        Assert.Equal(["cannotFail"], approved.ApprovedDespite.Overrode);
    }

    [Fact]
    public void A_test_that_cannot_fail_carries_the_inventory_finding_whatever_its_state()
    {
        var report = Build(history: false);

        var approved = report.Tests.Single(t => t.Id == "Shop.Tests.A.Approved");
        Assert.Equal(new CannotFail(CannotFailReason.NoAssertion, "calls no assertion and expects no exception"), approved.CannotFail);
        Assert.All(report.Tests.Where(t => t != approved), t => Assert.Null(t.CannotFail));
    }

    [Fact]
    public void Without_history_the_records_give_outcomes_oldest_first_the_last_failure_and_the_age()
    {
        var report = Build(history: false);
        var test = report.Tests.Single(t => t.Id == "Shop.Tests.A.Unapproved_b");

        Assert.Null(report.History);
        Assert.Equal(["passed", "failed", "failed"], test.RecentRuns.Select(r => r.Outcome));
        Assert.Equal(["r1", "r2", "r3"], test.RecentRuns.Select(r => r.RunId));
        Assert.Equal(new ReportFailure("r3", Now.AddDays(-1), "failed", "second failure\nwith a stack"), test.LastFailure);
        Assert.Equal(2, test.Attempts);
        Assert.True(test.FailedInLatestRun);
        Assert.True(test.BlockedEnforcedRun);
        Assert.Equal(Now.AddDays(-3), test.QuarantinedSince);
        Assert.Equal(TimeSpan.FromDays(3), test.AgeInQuarantine);
        Assert.Null(test.Flaky);
        Assert.Null(test.DefectsCaught);
        // Approved tests are never blocking, and have no age in quarantine.
        var approved = report.Tests.Single(t => t.State == ReportTestState.Approved);
        Assert.False(approved.BlockedEnforcedRun);
        Assert.Null(approved.AgeInQuarantine);
        Assert.Equal(new ReportDecision("Dana Lee <dana@example.com>", Approved, "checked the totals"), approved.Approval);
        Assert.Equal(["Shop.Tests"], report.Runs.Select(r => r.Assembly));
        Assert.True(report.Runs[0].EnforceFailed);
    }

    [Fact]
    public void A_stale_test_is_quarantined_since_first_seen_or_since_its_approval_if_seen_before_it()
    {
        // First seen in r1, three days ago: after an approval ten days ago, before one two days ago.
        Assert.Equal(Now.AddDays(-3), Build(history: false).Tests.Single(t => t.State == ReportTestState.Stale).QuarantinedSince);
        _approvedAt = Now.AddDays(-2);
        Assert.Equal(Now.AddDays(-2), Build(history: false).Tests.Single(t => t.State == ReportTestState.Stale).QuarantinedSince);
    }

    [Fact]
    public void With_history_a_run_both_imported_and_read_counts_once_and_the_figures_are_there()
    {
        var report = Build(history: true);
        var test = report.Tests.Single(t => t.Id == "Shop.Tests.A.Unapproved_b");

        Assert.NotNull(report.History);
        Assert.Equal(3, report.History.Runs);
        Assert.Equal(["r1", "r2", "r3"], test.RecentRuns.Select(r => r.RunId));
        Assert.Equal("second failure\nwith a stack", test.LastFailure?.Message);
        Assert.NotNull(test.Flaky);
        Assert.NotNull(test.DefectsCaught);
        Assert.NotNull(report.Agents.Single(a => a.Name == "copilot").Metrics);
    }

    [Fact]
    public void A_stop_decision_shows_even_without_history()
    {
        var decisions = new List<AgentDecision> { new("copilot", Stop: true, "Dana Lee <dana@example.com>", Now.AddDays(-1), "too many false alarms") };

        var report = Build(history: false, decisions);

        var copilot = report.Agents.Single(a => a.Name == "copilot");
        Assert.Equal("stopped", copilot.StopRule?.State);
        Assert.Equal(1, report.Counts.StoppedAgents);
        Assert.Null(report.Agents.Single(a => a.Name == "claude-code").StopRule);
    }

    [Fact]
    public void Criteria_take_the_catalog_text_and_a_pattern_link_with_the_id_escaped()
    {
        var report = Build(history: false);

        Assert.Equal(
            [
                new ReportCriterion("CART-1", "A cart totals its items", null, true),
                new ReportCriterion("SHOP-1 x", null, "https://tracker.example.com/browse/SHOP-1%20x", true),
                new ReportCriterion("ZZZ-9", null, null, false),
            ],
            report.Criteria);
        Assert.Equal(["CART-1", "SHOP-1 x", "ZZZ-9"], report.QuarantinedByCriterion().Select(g => g.Criterion!.Id));
    }

    [Theory]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("data:text/html,<script>", null)]
    [InlineData("//evil.example.com/x", null)]
    [InlineData("https://tracker.example.com/browse/A-1", "https://tracker.example.com/browse/A-1")]
    public void Only_http_and_https_links_are_kept(string link, string? kept) =>
        Assert.Equal(kept, CriterionEntries.SafeLink(link));

    [Fact]
    public void A_broken_record_is_named_with_its_position_and_the_others_are_read()
    {
        var folder = Path.Combine(Folder, "TestResults");
        RunRecordFiles.Write(folder, "r1", Now.AddDays(-1), false, ("Shop.Tests.A.X", "passed", null, 1));
        var broken = Path.Combine(folder, "Shop.Tests.broken.agentrun.json");
        File.WriteAllText(broken, "{\n  \"runId\": \"x\",\n  \"tests\": [ {\"id\": ");

        var (runs, problems) = RecentRunRecords.Read(Directory.GetFiles(folder));

        Assert.Equal(["r1"], runs.Select(r => r.RunId));
        var problem = Assert.Single(problems);
        Assert.Equal(broken, problem.Path);
        Assert.Equal("3,21", problem.Position);
    }

    [Fact]
    public void Only_the_latest_records_of_an_assembly_are_read()
    {
        var folder = Path.Combine(Folder, "TestResults");
        for (var i = 0; i < RecentRunRecords.PerAssembly + 5; i++)
        {
            RunRecordFiles.Write(folder, $"r{i:D2}", Now.AddHours(i), false, ("Shop.Tests.A.X", "passed", null, 1));
        }

        var (runs, _) = RecentRunRecords.Read(Directory.GetFiles(folder));

        Assert.Equal([.. Enumerable.Range(5, RecentRunRecords.PerAssembly).Select(i => $"r{i:D2}")], runs.Select(r => r.RunId));
    }

    private QuarantineReport Build(bool history, IReadOnlyList<AgentDecision>? decisions = null)
    {
        var root = Folder;
        var records = Path.Combine(root, "tests", "Shop.Tests", "bin", "TestResults");
        var files = new[]
        {
            RunRecordFiles.Write(records, "r1", Now.AddDays(-3), false, ("Shop.Tests.A.Unapproved_b", "passed", null, 1), ("Shop.Tests.A.Stale", "passed", null, 1)),
            RunRecordFiles.Write(records, "r2", Now.AddDays(-2), false, ("Shop.Tests.A.Unapproved_b", "failed", "first failure", 1), ("Shop.Tests.A.Approved", "passed", null, 1)),
            RunRecordFiles.Write(records, "r3", Now.AddDays(-1), true, ("Shop.Tests.A.Unapproved_b", "failed", "second failure\nwith a stack", 2), ("Shop.Tests.A.Approved", "passed", null, 1)),
        };
        var policy = Policy.Load(Write("agenttestguard.policy.json", """
            { "owner": "Dana Lee <dana@example.com>", "agents": ["copilot", "claude-code"],
              "criteriaPatterns": [ { "pattern": "SHOP-[0-9]+ x", "link": "https://tracker.example.com/browse/{id}" } ] }
            """), out _);
        var catalog = CriteriaCatalog.Load(Write("agenttestguard.criteria.json", """{ "criteria": [ { "id": "CART-1", "text": "A cart totals its items" } ] }"""), out _);
        var project = new TestProject(Path.Combine(root, "tests", "Shop.Tests", "Shop.Tests.csproj"), "Shop.Tests", [], Path.Combine(root, "agenttestguard.approvals.jsonl"), null, []);
        var rows = new List<AgentTestRow>
        {
            Row(project, "Approved", ["CART-1"], ApprovalState.Approved),
            Row(project, "Rejected", ["CART-1"], ApprovalState.Unapproved, rejected: true),
            Row(project, "Stale", ["CART-1"], ApprovalState.Stale),
            Row(project, "Unapproved_c", ["SHOP-1 x"], ApprovalState.Unapproved),
            Row(project, "Unapproved_b", ["CART-1", "ZZZ-9"], ApprovalState.Unapproved),
        };
        var reviews = new ReviewRecords(
            [new Approval("Shop.Tests", "Shop.Tests.A.Approved", "v2:Shop.Tests.A.Approved", "Dana Lee <dana@example.com>", Approved, "checked the totals")
                { Despite = _despite, Overrode = _despite is null ? [] : ["cannotFail"] }],
            [new Incident(IncidentKind.Rejection, "Shop.Tests", "Shop.Tests.A.Rejected", "v2:Shop.Tests.A.Rejected", "copilot", "Sam Roe <sam@example.com>", Now.AddDays(-1), "asserts the bug")]);
        var review = new ReviewFiles(reviews, decisions ?? [], Path.Combine(root, DecisionLog.FileName));
        HistoryFacts? facts = null;
        if (history)
        {
            using var store = SqliteHistoryStore.Open(Path.Combine(root, ".agenttestguard", "history.sqlite"));
            HistoryImporter.Import(store, files);
            facts = HistoryFacts.Read(store, review, policy!.StopRule, Now, root);
        }

        var (runs, _) = RecentRunRecords.Read(files);
        return QuarantineReportBuilder.Build(new ReportInputs(Now, root, policy, catalog, rows, review, runs, facts));
    }

    private AgentTestRow Row(TestProject project, string method, IReadOnlyList<string> criteria, ApprovalState state, bool rejected = false)
    {
        var id = "Shop.Tests.A." + method;
        var test = new AgentTest(id, "Shop.Tests.A", method, "copilot", AgentEvidence.None, criteria, "v2:" + id, new SourceLocation(Path.Combine(Folder, "tests", "Shop.Tests", "A.cs"), 10))
        {
            Approval = state is ApprovalState.Approved or ApprovalState.Stale
                ? new TestApproval(state, "Dana Lee <dana@example.com>", _approvedAt, state == ApprovalState.Stale ? "v2:older" : "v2:" + id)
                : null,
            CannotFail = method == "Approved" ? new CannotFail(CannotFailReason.NoAssertion, "calls no assertion and expects no exception") : null,
        };
        return new AgentTestRow(project, test, state, rejected);
    }
}
