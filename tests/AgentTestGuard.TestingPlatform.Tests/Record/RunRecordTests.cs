using System.Text.Json;
using System.Text.RegularExpressions;
using AgentTestGuard.Approvals;
using AgentTestGuard.Inventory;
using AgentTestGuard.TestingPlatform.Classification;
using AgentTestGuard.TestingPlatform.Record;
using AgentTestGuard.TestingPlatform.Results;
using AgentTestGuard.TestingPlatform.Tests.TestSupport;
using Xunit;
using TestResult = AgentTestGuard.TestingPlatform.Results.TestResult;

namespace AgentTestGuard.TestingPlatform.Tests.Record;

public sealed class RunRecordTests
{
    private const string InventoryPath = "/repo/bin/Shop.Tests.agenttests.json";

    private static readonly AgentTest AddsItem = Make.Test("Shop.Tests.CartTests.Adds_item", ApprovalState.Approved, "copilot", ["CART-11"]);
    private static readonly AgentTest RemovesItem = Make.Test("Shop.Tests.CartTests.Removes_item", ApprovalState.Unapproved, "copilot", ["CART-12"]);
    private static readonly AgentTest Totals = Make.Test("Shop.Tests.CartTests.Totals", ApprovalState.Stale, "claude-code");

    private static readonly RunContext Context = new(
        "5d41402abc4b2a76b9719d911017c592", "ci", EnvironmentAllowsUnreviewedTests: false, Enforce: true, "build-01", new CodeRevision("0a1b2c3d", "GITHUB_SHA"),
        Make.Noon, Make.Noon.AddSeconds(1.5), Cancelled: false);

    private static RunRecordDocument BuildRecord(out IReadOnlyList<TestResult> results)
    {
        var classifier = new TestClassifier(Make.Inventory(AddsItem, RemovesItem, Totals));
        results =
        [
            Make.Gating("Shop.Tests.OtherTests.Works", TestOutcome.Passed) with { Duration = TimeSpan.FromTicks(12_345_678) },
            Make.Of(AddsItem, TestOutcome.Passed, duration: TimeSpan.FromMilliseconds(3)) with { DisplayName = "Adds an item" },
            Make.Of(RemovesItem, TestOutcome.Failed, "Expected 2 but was 3", TimeSpan.FromTicks(16)) with { Attempts = 2 },
            Make.Gating("Shop.Tests.AaTests.Skips", TestOutcome.Skipped),
        ];
        var verdict = RunVerdict.Decide(results, classifier.QuarantinedTests.ToList(), 3, enforce: true, ownerNamed: true, cancelled: false);
        return RunRecordBuilder.Build("Shop.Tests", InventoryPath, classifier, results, [Totals], verdict, Context);
    }

    [Fact]
    public void A_small_record_in_full()
    {
        var classifier = new TestClassifier(Make.Inventory(Totals));
        var verdict = RunVerdict.Decide([], [Totals], 1, enforce: false, ownerNamed: true, cancelled: false);
        var context = new RunContext("7d793037a0760186574b0282f2f435e7", "local", true, false, "dev-box", null, Make.Noon, Make.Noon.AddSeconds(1.5), false);

        var json = RunRecordFile.Serialize(RunRecordBuilder.Build("Shop.Tests", InventoryPath, classifier, [], [Totals], verdict, context));

        Assert.Equal(
            $$"""
            {
              "schemaVersion": 1,
              "generator": "AgentTestGuard {{ProductVersion.Current}}",
              "runId": "7d793037a0760186574b0282f2f435e7",
              "assembly": "Shop.Tests",
              "inventory": "/repo/bin/Shop.Tests.agenttests.json",
              "environment": "local",
              "environmentAllowsUnreviewedTests": true,
              "enforce": false,
              "machine": "dev-box",
              "startedAt": "2026-11-24T12:00:00+00:00",
              "finishedAt": "2026-11-24T12:00:01.5+00:00",
              "owner": "Dana Lee \u003Cdana@example.com\u003E",
              "verdict": {
                "gatingFailures": 0,
                "quarantinedFailures": 0,
                "quarantinedFailuresIgnored": false,
                "enforceFailed": false,
                "cancelled": false
              },
              "tests": [
                {"id":"Shop.Tests.CartTests.Totals","outcome":"notRun","attempts":0,"classification":"quarantined","approval":"stale","agent":"claude-code","fingerprint":"{{Make.Fingerprint}}","criteria":[]}
              ]
            }

            """,
            json);
    }

    [Fact]
    public void The_exit_codes_the_user_ignored_follow_enforce_and_are_left_out_when_none()
    {
        var classifier = new TestClassifier(Make.Inventory(Totals));
        var verdict = RunVerdict.Decide([], [Totals], 1, enforce: false, ownerNamed: true, cancelled: false);
        var context = new RunContext("7d793037a0760186574b0282f2f435e7", "ci", true, true, "agent-7", null, Make.Noon, Make.Noon.AddSeconds(1.5), false) { IgnoredExitCodes = [2, 8] };

        var json = RunRecordFile.Serialize(RunRecordBuilder.Build("Shop.Tests", InventoryPath, classifier, [], [Totals], verdict, context));

        Assert.Contains("  \"enforce\": true,\n  \"ignoredExitCodes\": [\n    2,\n    8\n  ],\n  \"machine\": \"agent-7\",", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Tests_are_ordered_by_id_and_not_run_tests_are_included()
    {
        var record = BuildRecord(out _);

        Assert.Equal(
            [
                ("Shop.Tests.AaTests.Skips", "skipped", "gating", (string?)null),
                ("Shop.Tests.CartTests.Adds_item", "passed", "approved", "approved"),
                ("Shop.Tests.CartTests.Removes_item", "failed", "quarantined", "unapproved"),
                ("Shop.Tests.CartTests.Totals", "notRun", "quarantined", "stale"),
                ("Shop.Tests.OtherTests.Works", "passed", "gating", null),
            ],
            record.Tests.Select(t => (t.Id, t.Outcome, t.Classification, t.Approval)));
    }

    [Fact]
    public void The_record_carries_the_run_and_the_verdict()
    {
        var record = BuildRecord(out _);

        Assert.Equal(
            (1, "Shop.Tests", InventoryPath, "ci", false, true, "build-01", Make.Dana),
            (record.SchemaVersion, record.Assembly, record.Inventory, record.Environment, record.EnvironmentAllowsUnreviewedTests, record.Enforce, record.Machine, record.Owner));
        Assert.Equal("5d41402abc4b2a76b9719d911017c592", record.RunId);
        Assert.Equal(new CodeRevision("0a1b2c3d", "GITHUB_SHA"), record.CodeRevision);
        Assert.Equal((Make.Noon, Make.Noon.AddSeconds(1.5)), (record.StartedAt, record.FinishedAt));
        Assert.Equal(new RunRecordVerdict(0, 1, QuarantinedFailuresIgnored: false, EnforceFailed: true, Cancelled: false), record.Verdict);
    }

    [Fact]
    public void Every_run_gets_an_id_of_its_own()
    {
        var first = RunContext.NewRunId();
        var second = RunContext.NewRunId();

        Assert.Matches("^[0-9a-f]{32}$", first);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Durations_are_milliseconds_rounded_to_three_decimals()
    {
        var tests = BuildRecord(out _).Tests.ToDictionary(t => t.Id);

        Assert.Equal(1234.568, tests["Shop.Tests.OtherTests.Works"].DurationMs);
        Assert.Equal(3.0, tests["Shop.Tests.CartTests.Adds_item"].DurationMs);
        Assert.Equal(0.002, tests["Shop.Tests.CartTests.Removes_item"].DurationMs);
        Assert.Null(tests["Shop.Tests.AaTests.Skips"].DurationMs);
        Assert.Null(tests["Shop.Tests.CartTests.Totals"].DurationMs);
    }

    [Fact]
    public void A_display_name_is_recorded_only_where_it_differs_from_the_id()
    {
        var tests = BuildRecord(out _).Tests.ToDictionary(t => t.Id);

        Assert.Equal(
            ("Adds an item", (string?)null, (string?)null),
            (tests["Shop.Tests.CartTests.Adds_item"].DisplayName, tests["Shop.Tests.CartTests.Removes_item"].DisplayName, tests["Shop.Tests.OtherTests.Works"].DisplayName));
    }

    [Fact]
    public void Agent_facts_are_recorded_for_agent_tests_only()
    {
        var tests = BuildRecord(out _).Tests.ToDictionary(t => t.Id);

        var removes = tests["Shop.Tests.CartTests.Removes_item"];
        Assert.Equal(
            ((string?)null, "Expected 2 but was 3", 2, "copilot", Make.Fingerprint),
            (removes.DisplayName, removes.FailureMessage, removes.Attempts, removes.Agent, removes.Fingerprint));
        Assert.Equal(["CART-12"], removes.Criteria!);
        Assert.Equal("Adds an item", tests["Shop.Tests.CartTests.Adds_item"].DisplayName);

        var gating = tests["Shop.Tests.OtherTests.Works"];
        Assert.Equal(((string?)null, (string?)null, (IReadOnlyList<string>?)null, (string?)null, 1), (gating.Agent, gating.Fingerprint, gating.Criteria, gating.FailureMessage, gating.Attempts));

        var notRun = tests["Shop.Tests.CartTests.Totals"];
        Assert.Equal(((string?)null, 0, "claude-code"), (notRun.DisplayName, notRun.Attempts, notRun.Agent));
    }

    [Fact]
    public void A_test_run_as_a_test_of_a_class_inheriting_it_names_the_id_it_was_declared_with()
    {
        var declared = Make.Test("Shop.Tests.BaseTests.Declared", ApprovalState.Unapproved) with { InheritedBy = ["Shop.Tests.DerivedTests"] };
        var classifier = new TestClassifier(Make.Inventory(declared));
        TestResult[] results =
        [
            Make.Result("Shop.Tests.DerivedTests.Declared", TestOutcome.Failed, classifier.Classify("Shop.Tests.DerivedTests.Declared"), "boom"),
            Make.Result("Shop.Tests.BaseTests.Declared", TestOutcome.Passed, classifier.Classify("Shop.Tests.BaseTests.Declared")),
        ];
        var verdict = RunVerdict.Decide(results, classifier.QuarantinedTests, 1, enforce: false, ownerNamed: true, cancelled: false);

        var json = RunRecordFile.Serialize(RunRecordBuilder.Build("Shop.Tests", InventoryPath, classifier, results, [], verdict, Context));

        Assert.Contains(
            "{\"id\":\"Shop.Tests.DerivedTests.Declared\",\"outcome\":\"failed\",\"failureMessage\":\"boom\",\"attempts\":1,\"classification\":\"quarantined\",\"approval\":\"unapproved\",\"agent\":\"copilot\",\"declaredAs\":\"Shop.Tests.BaseTests.Declared\",\"fingerprint\":",
            json,
            StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(json, "declaredAs"));
    }

    [Fact]
    public void The_json_uses_camel_case_names_and_omits_nulls()
    {
        var json = RunRecordFile.Serialize(BuildRecord(out _));

        Assert.Contains("\n  \"schemaVersion\": 1,\n", json, StringComparison.Ordinal);
        Assert.Contains("\"environmentAllowsUnreviewedTests\": false,", json, StringComparison.Ordinal);
        Assert.Contains("\"codeRevision\": {\n    \"id\": \"0a1b2c3d\",\n    \"source\": \"GITHUB_SHA\"\n  },", json, StringComparison.Ordinal);
        Assert.Contains("\"quarantinedFailuresIgnored\": false,", json, StringComparison.Ordinal);
        Assert.Contains("\"enforceFailed\": true,", json, StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"notRun\"", json, StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"skipped\"", json, StringComparison.Ordinal);
        Assert.Contains("\"classification\":\"quarantined\"", json, StringComparison.Ordinal);
        Assert.Contains("\"classification\":\"gating\"", json, StringComparison.Ordinal);
        Assert.Contains("\"approval\":\"stale\"", json, StringComparison.Ordinal);
        Assert.Contains("\"approval\":\"unapproved\"", json, StringComparison.Ordinal);
        Assert.Contains("\"durationMs\":1234.568,", json, StringComparison.Ordinal);
        Assert.Contains("\"failureMessage\":\"Expected 2 but was 3\",", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"SchemaVersion\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_inventory_the_record_names_none()
    {
        var classifier = new TestClassifier(null);
        TestResult[] results = [Make.Gating("Shop.Tests.OtherTests.Works", TestOutcome.Passed)];
        var verdict = RunVerdict.Decide(results, [], 0, enforce: false, ownerNamed: false, cancelled: false);

        var record = RunRecordBuilder.Build("Shop.Tests", InventoryPath, classifier, results, [], verdict, Context);
        var json = RunRecordFile.Serialize(record);

        Assert.Equal(((string?)null, (string?)null), (record.Inventory, record.Owner));
        Assert.DoesNotContain("\"inventory\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"owner\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_test_reads_back_from_the_json_with_its_fields()
    {
        var record = BuildRecord(out _);

        using var json = JsonDocument.Parse(RunRecordFile.Serialize(record));

        var root = json.RootElement;
        Assert.Equal(record.StartedAt, root.GetProperty("startedAt").GetDateTimeOffset());
        Assert.Equal("GITHUB_SHA", root.GetProperty("codeRevision").GetProperty("source").GetString());
        Assert.Equal(record.Verdict.GatingFailures, root.GetProperty("verdict").GetProperty("gatingFailures").GetInt32());
        Assert.Equal(
            record.Tests.Select(t => (t.Id, t.DisplayName, t.Outcome, t.DurationMs, t.Attempts, t.Approval, string.Join(",", t.Criteria ?? []))),
            root.GetProperty("tests").EnumerateArray().Select(t => (
                t.GetProperty("id").GetString()!,
                t.TryGetProperty("displayName", out var name) ? name.GetString() : null,
                t.GetProperty("outcome").GetString()!,
                t.TryGetProperty("durationMs", out var duration) ? duration.GetDouble() : (double?)null,
                t.GetProperty("attempts").GetInt32(),
                t.TryGetProperty("approval", out var approval) ? approval.GetString() : null,
                t.TryGetProperty("criteria", out var criteria) ? string.Join(",", criteria.EnumerateArray().Select(c => c.GetString())) : "")));
    }
}
