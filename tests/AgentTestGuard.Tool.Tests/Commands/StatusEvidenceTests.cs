using AgentTestGuard.Approvals;
using AgentTestGuard.Assertions;
using AgentTestGuard.Inventory;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Commands;
using AgentTestGuard.Tool.Commands.Verify;
using AgentTestGuard.Tool.Evidence;
using AgentTestGuard.Tool.Workspace;
using Xunit;
using static AgentTestGuard.Tool.Tests.Evidence.Runs;

namespace AgentTestGuard.Tool.Tests.Commands;

/// <summary>The evidence where status and verify show it: status's columns and JSON, verify's listing of approvals given despite it.</summary>
public sealed class StatusEvidenceTests
{
    private const string Flaky = "Shop.Tests.CartTests.Flaky";

    [Fact]
    public void Status_shows_runs_passes_failures_flakiness_and_whether_a_test_can_fail()
    {
        var (printed, _) = Status(json: false);

        Assert.StartsWith(
            "STATE        TEST                        AGENT    CRITERIA  RUNS  PASSED  FAILED  FLAKY  CANNOT FAIL  SOURCE\n"
            + "quarantined  Shop.Tests.CartTests.Flaky  copilot  CART-12   2     1       1       yes    no\n"
            + "quarantined  Shop.Tests.CartTests.Total  copilot  CART-12   0     0       0       -      yes\n"
            + "\n2 agent tests: 0 approved, 2 quarantined, 0 stale, 0 rejected.\n"
            + "Runs at each test's current fingerprint, from 2 run records (1 assembly).\n",
            printed,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Status_json_gives_each_test_its_evidence()
    {
        var (printed, _) = Status(json: true);

        Assert.Contains(
            "\"evidence\": {\n        \"runs\": 2,\n        \"attempts\": 2,\n        \"passingRuns\": 1,\n        \"failingRuns\": 1,\n        \"flaky\": true,\n        \"missing\": [\n          \"flaky\"\n        ]\n      }",
            printed,
            StringComparison.Ordinal);
        Assert.Contains(
            "\"flaky\": false,\n        \"cannotFail\": {\n          \"reason\": \"no-assertion\",\n          \"detail\": \"calls no assertion\"\n        },\n        \"missing\": [\n          \"noPassingRun\",\n          \"cannotFail\"\n        ]",
            printed,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_lists_approvals_given_despite_missing_evidence_without_counting_them_as_offences()
    {
        using var standard = new StringWriter();
        var tally = new Tally(new Output(standard, new StringWriter(), colour: false));
        var at = new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
        tally.AddLedger("/repo/agenttestguard.approvals.jsonl", 2, []);
        tally.AddDespite("/repo/agenttestguard.approvals.jsonl",
        [
            new Approval("Shop.Tests", "Shop.Tests.A.Plain", Current, "Sam Roe <sam@example.com>", at, Line: 2),
            new Approval("Shop.Tests", Test, Current, "Dana Lee <dana@example.com>", at, Line: 3) { Despite = "red until CART-13\u001b[2J", Overrode = ["noPassingRun", "flaky"] },
        ]);

        Assert.Equal(0, tally.Conclude(signaturesRequired: false, trustedBase: null));
        Assert.Equal(
            $"despite    /repo/agenttestguard.approvals.jsonl(3): {Test}: approved by Dana Lee <dana@example.com> without noPassingRun, flaky: red until CART-13\\u001B[2J\n"
            + "2 approvals verified (1 given despite missing evidence, listed above): each added in a commit by a human author.\n",
            standard.ToString().ReplaceLineEndings("\n"));
    }

    private static (string Printed, string Errors) Status(bool json)
    {
        var project = new TestProject("/repo/Shop.Tests.csproj", "Shop.Tests", [new("net10.0", "/repo/obj/Shop.Tests.agenttests.json")], "/repo/agenttestguard.approvals.jsonl", null, []);
        AgentTestRow[] rows =
        [
            new(project, Agent(Flaky), ApprovalState.Unapproved, Rejected: false),
            new(project, Agent(Test) with { CannotFail = new CannotFail(CannotFailReason.NoAssertion, "calls no assertion") }, ApprovalState.Unapproved, Rejected: false),
        ];
        var sources = new EvidenceSources([Run(1, "r1", Result("passed") with { Test = Flaky }), Run(2, "r1", Result("failed") with { Test = Flaky })], catalog: null);
        using var standard = new StringWriter();
        using var error = new StringWriter();
        StatusCommand.Write(rows, sources, json, new Output(standard, error, colour: false));
        return (standard.ToString().ReplaceLineEndings("\n"), error.ToString());
    }

    private static AgentTest Agent(string id) =>
        new(id, "Shop.Tests.CartTests", id[(id.LastIndexOf('.') + 1)..], "copilot", AgentEvidence.None, ["CART-12"], Current, Source: null);
}
