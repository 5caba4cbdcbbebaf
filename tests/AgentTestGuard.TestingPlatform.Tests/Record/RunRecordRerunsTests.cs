using AgentTestGuard.Approvals;
using AgentTestGuard.Inventory;
using AgentTestGuard.TestingPlatform.Classification;
using AgentTestGuard.TestingPlatform.Record;
using AgentTestGuard.TestingPlatform.Reruns;
using AgentTestGuard.TestingPlatform.Results;
using AgentTestGuard.TestingPlatform.Tests.TestSupport;
using Xunit;
using TestResult = AgentTestGuard.TestingPlatform.Results.TestResult;

namespace AgentTestGuard.TestingPlatform.Tests.Record;

/// <summary>Early flake detection's fields in the run record: each test's attempts, reruns and flakiness, and the run's reruns.</summary>
public sealed class RunRecordRerunsTests
{
    private static readonly AgentTest Discount = Make.Test("Shop.Tests.CartTests.Discount", ApprovalState.Unapproved, "copilot", ["CART-12"]);
    private static readonly AgentTest Totals = Make.Test("Shop.Tests.CartTests.Totals", ApprovalState.Stale, "claude-code");

    [Fact]
    public void A_rerun_test_keeps_every_attempt_in_order_and_the_run_says_what_the_reruns_did()
    {
        var classifier = new TestClassifier(Make.Inventory(Discount, Totals));
        IReadOnlyList<TestResult> results =
        [
            Make.Of(Discount, TestOutcome.Failed, "Expected 2 but was \"3\"", TimeSpan.FromMilliseconds(4)) with
            {
                Attempts = 3,
                Reruns =
                [
                    new RerunAttempt(TestOutcome.Passed, TimeSpan.FromMilliseconds(2.1), null),
                    new RerunAttempt(TestOutcome.Error, TimeSpan.FromTicks(12_340), "Timed <out>"),
                ],
            },
            Make.Of(Totals, TestOutcome.Passed, duration: TimeSpan.FromMilliseconds(1)) with
            {
                Attempts = 2,
                Reruns = [new RerunAttempt(TestOutcome.Passed, null, null)],
            },
        ];
        var verdict = RunVerdict.Decide(results, classifier.QuarantinedTests.ToList(), 2, enforce: false, ownerNamed: true, cancelled: false);
        var context = new RunContext("7d793037a0760186574b0282f2f435e7", "local", true, false, "dev-box", null, Make.Noon, Make.Noon.AddSeconds(9), false)
        {
            Reruns = new RerunReport(2, 120, 2, null),
        };

        var json = RunRecordFile.Serialize(RunRecordBuilder.Build("Shop.Tests", null, classifier, results, [], verdict, context));

        Assert.Equal(
            $$"""
            {
              "schemaVersion": 1,
              "generator": "AgentTestGuard {{ProductVersion.Current}}",
              "runId": "7d793037a0760186574b0282f2f435e7",
              "assembly": "Shop.Tests",
              "environment": "local",
              "environmentAllowsUnreviewedTests": true,
              "enforce": false,
              "machine": "dev-box",
              "startedAt": "2026-11-24T12:00:00+00:00",
              "finishedAt": "2026-11-24T12:00:09+00:00",
              "owner": "Dana Lee \u003Cdana@example.com\u003E",
              "verdict": {
                "gatingFailures": 0,
                "quarantinedFailures": 1,
                "quarantinedFailuresIgnored": true,
                "enforceFailed": false,
                "cancelled": false
              },
              "reruns": {
                "requested": 2,
                "budgetSeconds": 120,
                "rounds": 2,
                "stopped": null
              },
              "tests": [
                {"id":"Shop.Tests.CartTests.Discount","outcome":"failed","durationMs":4,"failureMessage":"Expected 2 but was \u00223\u0022","attempts":3,"reruns":[{"outcome":"passed","durationMs":2.1},{"outcome":"error","durationMs":1.234,"failureMessage":"Timed \u003Cout\u003E"}],"flaky":true,"classification":"quarantined","approval":"unapproved","agent":"copilot","fingerprint":"{{Make.Fingerprint}}","criteria":["CART-12"]},
                {"id":"Shop.Tests.CartTests.Totals","outcome":"passed","durationMs":1,"attempts":2,"reruns":[{"outcome":"passed"}],"classification":"quarantined","approval":"stale","agent":"claude-code","fingerprint":"{{Make.Fingerprint}}","criteria":[]}
              ]
            }

            """,
            json);
    }

    [Fact]
    public void Reruns_that_stopped_early_say_why()
    {
        var classifier = new TestClassifier(Make.Inventory());
        var verdict = RunVerdict.Decide([], [], 0, enforce: false, ownerNamed: true, cancelled: false);
        var context = new RunContext("7d793037a0760186574b0282f2f435e7", "ci", true, true, "ci-7", null, Make.Noon, Make.Noon, false)
        {
            Reruns = new RerunReport(5, 30, 1, RerunReport.Budget),
        };

        var json = RunRecordFile.Serialize(RunRecordBuilder.Build("Shop.Tests", null, classifier, [], [], verdict, context));

        Assert.Contains(
            """
              "reruns": {
                "requested": 5,
                "budgetSeconds": 30,
                "rounds": 1,
                "stopped": "budget"
              },
              "tests": [
            """,
            json,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_without_reruns_has_no_reruns_fields()
    {
        var classifier = new TestClassifier(Make.Inventory(Discount));
        IReadOnlyList<TestResult> results = [Make.Of(Discount, TestOutcome.Passed)];
        var verdict = RunVerdict.Decide(results, [Discount], 1, enforce: false, ownerNamed: true, cancelled: false);
        var context = new RunContext("7d793037a0760186574b0282f2f435e7", "local", true, false, "dev-box", null, Make.Noon, Make.Noon, false);

        var json = RunRecordFile.Serialize(RunRecordBuilder.Build("Shop.Tests", null, classifier, results, [], verdict, context));

        Assert.DoesNotContain("reruns", json, StringComparison.Ordinal);
        Assert.DoesNotContain("flaky", json, StringComparison.Ordinal);
        Assert.Contains("\"attempts\":1,", json, StringComparison.Ordinal);
    }
}
