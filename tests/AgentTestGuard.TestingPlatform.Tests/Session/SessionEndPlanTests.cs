using AgentTestGuard.Approvals;
using AgentTestGuard.Inventory;
using AgentTestGuard.TestingPlatform.Results;
using AgentTestGuard.TestingPlatform.Session;
using AgentTestGuard.TestingPlatform.Settings;
using AgentTestGuard.TestingPlatform.Tests.TestSupport;
using Xunit;
using static AgentTestGuard.TestingPlatform.Session.SessionEndAction;

namespace AgentTestGuard.TestingPlatform.Tests.Session;

public sealed class SessionEndPlanTests
{
    private const string RecordPath = "/results/Shop.Tests.20261124T120000Z.0a1b2c3d.agentrun.json";

    private static readonly AgentTest RemovesItem = Make.Test("Shop.Tests.CartTests.Removes_item", ApprovalState.Unapproved);
    private static readonly RunSettings Local = new(Enforce: false, "default", "local", "default");
    private static readonly RunSettings Enforced = new(Enforce: true, "--agt-enforce", "ci", "CI detected");
    private static readonly SessionEndFacts Plain = new(DecisionFilePath: null, ExclusionProblem: null, HasInventory: false, UnderDotnetTest: false, IsServer: false);

    [Fact]
    public void Only_quarantined_failures_settle_the_exit_code_as_overlooked_and_tell_the_controller_so()
    {
        var end = End([Make.Of(RemovesItem, TestOutcome.Failed, "expected 2"), Make.Gating("Shop.Tests.OrderTests.Ships", TestOutcome.Passed)], Local);

        var actions = SessionEndPlan.Decide(end, Plain with { DecisionFilePath = "/tmp/decision.txt" });

        Assert.Equal(
            [new SettleExitCode(IgnoreFailedTests: true), new WriteDecisionFile("/tmp/decision.txt", "ignore-failed-tests"), new PublishRecord(RecordPath)],
            actions);
    }

    [Fact]
    public void A_gating_failure_settles_the_exit_code_as_the_platform_computes_it()
    {
        var end = End([Make.Of(RemovesItem, TestOutcome.Failed, "expected 2"), Make.Gating("Shop.Tests.OrderTests.Ships", TestOutcome.Failed, "late")], Local);

        var actions = SessionEndPlan.Decide(end, Plain with { DecisionFilePath = "/tmp/decision.txt" });

        Assert.Equal(
            [new SettleExitCode(IgnoreFailedTests: false), new WriteDecisionFile("/tmp/decision.txt", "failed-tests-count"), new PublishRecord(RecordPath)],
            actions);
    }

    [Fact]
    public void Enforce_mode_with_an_unreviewed_test_publishes_its_failure_and_overlooks_nothing()
    {
        var end = End([Make.Of(RemovesItem, TestOutcome.Failed, "expected 2")], Enforced);

        var actions = SessionEndPlan.Decide(end, Plain);

        Assert.Equal([new SettleExitCode(IgnoreFailedTests: false), new PublishEnforcementFailure(end.Verdict), new PublishRecord(RecordPath)], actions);
    }

    [Fact]
    public void A_cancelled_session_in_enforce_mode_publishes_no_enforcement_failure()
    {
        var end = End([Make.Of(RemovesItem, TestOutcome.Passed)], Enforced, cancelled: true);

        Assert.DoesNotContain(SessionEndPlan.Decide(end, Plain), action => action is PublishEnforcementFailure);
    }

    [Fact]
    public void Under_dotnet_test_the_summary_goes_to_standard_error_too_and_each_quarantined_failure_gets_a_notice()
    {
        var end = End([Make.Of(RemovesItem, TestOutcome.Failed, "expected 2")], Local);

        var actions = SessionEndPlan.Decide(end, Plain with { HasInventory = true, UnderDotnetTest = true, IsServer = true });

        var (summary, noteworthy) = RunSummary.Describe(end.Results, end.NotRun, end.Verdict, "local");
        var notice = Assert.Single(QuarantineNotice.Files(RecordPath, end.Verdict));
        Assert.Equal(
            [
                new SettleExitCode(IgnoreFailedTests: true),
                new ShowSummary(summary, noteworthy, ToStandardError: true),
                new PublishNotice(notice),
                new PublishRecord(RecordPath),
                new FinishRecords(),
            ],
            actions);
        Assert.True(noteworthy);
    }

    [Fact]
    public void A_run_where_unreviewed_tests_could_not_be_excluded_says_so_with_the_problem_quoted()
    {
        var end = End([], Local with { Environment = "prod" });

        var actions = SessionEndPlan.Decide(end, Plain with { ExclusionProblem = "no listing\u001b[2J" });

        Assert.Equal(
            new ShowError("AgentTestGuard: no test ran: environment 'prod' does not allow unreviewed agent tests, and they could not be told apart: no listing\\u001B[2J"),
            actions[1]);
    }

    [Fact]
    public void Quarantined_tests_that_did_not_execute_are_those_without_a_result()
    {
        var ships = Make.Test("Shop.Tests.CartTests.Ships", ApprovalState.Unapproved);

        Assert.Equal([ships], SessionEndPlan.NotExecuted([RemovesItem, ships], [Make.Of(RemovesItem, TestOutcome.Passed)]));
    }

    private static SessionEnd End(TestingPlatform.Results.TestResult[] results, RunSettings settings, bool cancelled = false)
    {
        var verdict = RunVerdict.Decide(results, [RemovesItem], agentTestsInInventory: 1, settings.Enforce, ownerNamed: true, cancelled);
        return new SessionEnd("session-1", results, [], verdict, settings, cancelled, RecordPath);
    }
}
