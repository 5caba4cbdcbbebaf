using AgentTestGuard.Approvals;
using AgentTestGuard.Inventory;
using AgentTestGuard.TestingPlatform.Results;
using AgentTestGuard.TestingPlatform.Tests.TestSupport;
using Xunit;
using TestResult = AgentTestGuard.TestingPlatform.Results.TestResult;

namespace AgentTestGuard.TestingPlatform.Tests.Results;

public sealed class RunSummaryTests
{
    private static readonly AgentTest AddsItem = Make.Test("Shop.Tests.CartTests.Adds_item", ApprovalState.Approved);
    private static readonly AgentTest RemovesItem = Make.Test("Shop.Tests.CartTests.Removes_item", ApprovalState.Unapproved, "copilot", ["CART-12"]);
    private static readonly AgentTest Totals = Make.Test("Shop.Tests.CartTests.Totals", ApprovalState.Stale, "claude-code");

    private static RunVerdict Decide(IReadOnlyList<TestResult> results, bool enforce = false, bool ownerNamed = true, params AgentTest[] quarantined) =>
        RunVerdict.Decide(results, quarantined, agentTestsInInventory: 3, enforce, ownerNamed, cancelled: false);

    [Fact]
    public void A_run_with_a_quarantined_failure_and_a_stale_approval()
    {
        TestResult[] results =
        [
            Make.Gating("Shop.Tests.OtherTests.Works", TestOutcome.Passed),
            Make.Of(AddsItem, TestOutcome.Passed),
            Make.Of(RemovesItem, TestOutcome.Failed, "Expected 2 but was 3\n   at Shop.Tests.CartTests.Removes_item()"),
            Make.Of(Totals, TestOutcome.Passed),
        ];

        var summary = RunSummary.Format(results, [], Decide(results, quarantined: [RemovesItem, Totals]), "local");

        Assert.Equal(
            "AgentTestGuard: 3 agent tests ran: 1 approved, 2 quarantined; 1 quarantined failure; 1 stale approval.\n"
            + "  Quarantined failures (reported, not failing the run: no gating test failed):\n"
            + "    Shop.Tests.CartTests.Removes_item (unapproved, agent copilot): Expected 2 but was 3\n"
            + "  Stale: Shop.Tests.CartTests.Totals was approved by Dana Lee <dana@example.com> but has changed since; it is quarantined until approved again.",
            summary);
    }

    [Fact]
    public void A_test_run_as_a_test_of_a_class_inheriting_it_is_shown_with_the_id_to_approve()
    {
        var declared = Make.Test("Shop.Tests.BaseTests.Declared", ApprovalState.Stale) with { InheritedBy = ["Shop.Tests.DerivedTests"] };
        var testClass = new AgentTestGuard.TestingPlatform.Classification.TestClassifier(Make.Inventory(declared)).Classify("Shop.Tests.DerivedTests.Declared");
        TestResult[] results = [Make.Result("Shop.Tests.DerivedTests.Declared", TestOutcome.Failed, testClass, "boom")];

        var summary = RunSummary.Format(results, [], Decide(results, quarantined: [declared]), "local");

        Assert.Equal(
            "AgentTestGuard: 1 agent test ran: 0 approved, 1 quarantined; 1 quarantined failure; 1 stale approval.\n"
            + "  Quarantined failures (reported, not failing the run: no gating test failed):\n"
            + "    Shop.Tests.DerivedTests.Declared (stale, agent copilot; declared as Shop.Tests.BaseTests.Declared): boom\n"
            + "  Stale: Shop.Tests.DerivedTests.Declared (declared as Shop.Tests.BaseTests.Declared) was approved by Dana Lee <dana@example.com> but has changed since; it is quarantined until approved again.",
            summary);
    }

    [Fact]
    public void Failed_cases_of_a_data_driven_test_are_told_apart_and_a_stale_one_is_listed_once()
    {
        TestResult Case(AgentTest test, string displayName, TestOutcome outcome = TestOutcome.Failed) =>
            Make.Of(test, outcome, outcome == TestOutcome.Failed ? "boom" : null) with { DisplayName = displayName };
        TestResult[] results =
        [
            Case(RemovesItem, "Shop.Tests.CartTests.Removes_item(count: 1)"), // xunit v3
            Case(RemovesItem, "Removes_item (2)"), // MSTest
            Case(RemovesItem, "Removes_item(3)"), // NUnit, TUnit
            Case(RemovesItem, "Removing the last item empties the cart"), // a display name of its own
            Case(RemovesItem, "Removes_item(\u001b[2J)"), // an agent's escape sequence stays inert
            Case(RemovesItem, "Removes_item"),
            Case(Totals, "Totals(1)", TestOutcome.Passed),
            Case(Totals, "Totals(2)", TestOutcome.Passed),
        ];

        var summary = RunSummary.Format(results, [], Decide(results, quarantined: [RemovesItem, Totals]), "local");

        // Listed in the report order: by id, then by display name, ordinally.
        Assert.Equal(
            "AgentTestGuard: 2 agent tests ran, 8 results: 0 approved, 2 quarantined; 6 quarantined failures; 1 stale approval.\n"
            + "  Quarantined failures (reported, not failing the run: no gating test failed):\n"
            + "    Shop.Tests.CartTests.Removes_item (unapproved, agent copilot): boom\n"
            + "    Shop.Tests.CartTests.Removes_item (2) (unapproved, agent copilot): boom\n"
            + "    Shop.Tests.CartTests.Removes_item (\\u001B[2J) (unapproved, agent copilot): boom\n"
            + "    Shop.Tests.CartTests.Removes_item (3) (unapproved, agent copilot): boom\n"
            + "    Shop.Tests.CartTests.Removes_item [Removing the last item empties the cart] (unapproved, agent copilot): boom\n"
            + "    Shop.Tests.CartTests.Removes_item (count: 1) (unapproved, agent copilot): boom\n"
            + "  Stale: Shop.Tests.CartTests.Totals was approved by Dana Lee <dana@example.com> but has changed since; it is quarantined until approved again.",
            summary);
    }

    [Fact]
    public void An_enforced_run_with_a_gating_failure_and_tests_not_run()
    {
        TestResult[] results =
        [
            Make.Gating("Shop.Tests.OtherTests.Fails", TestOutcome.Failed, "boom"),
            Make.Of(AddsItem, TestOutcome.Passed),
            Make.Of(RemovesItem, TestOutcome.Error),
        ];
        var verdict = Decide(results, enforce: true, ownerNamed: false, RemovesItem, Totals);

        var summary = RunSummary.Format(results, [Totals], verdict, "staging");

        Assert.Equal(
            "AgentTestGuard: 2 agent tests ran: 1 approved, 1 quarantined; 1 quarantined failure; 0 stale approvals.\n"
            + "  Quarantined failures (not counted; the run fails for other reasons):\n"
            + "    Shop.Tests.CartTests.Removes_item (unapproved, agent copilot): (no message)\n"
            + "  Not run in environment 'staging', where the policy does not allow unreviewed agent tests: 1 quarantined test.\n"
            + "    Shop.Tests.CartTests.Totals\n"
            + "  Enforce mode fails the run: see the failed result 'AgentTestGuard enforce mode'.",
            summary);
    }

    [Fact]
    public void A_run_without_agent_tests_says_so_in_the_plural()
    {
        TestResult[] results = [Make.Gating("Shop.Tests.OtherTests.Works", TestOutcome.Passed)];

        var summary = RunSummary.Format(results, [], Decide(results), "local");

        Assert.Equal("AgentTestGuard: 0 agent tests ran: 0 approved, 0 quarantined; 0 quarantined failures; 0 stale approvals.", summary);
    }

    [Fact]
    public void Counts_above_one_are_plural()
    {
        var otherStale = Make.Test("Shop.Tests.CartTests.Totals_again", ApprovalState.Stale);
        TestResult[] results =
        [
            Make.Of(RemovesItem, TestOutcome.Failed, "first"),
            Make.Of(Totals, TestOutcome.TimedOut, "second"),
            Make.Of(otherStale, TestOutcome.Passed),
        ];
        var verdict = Decide(results, quarantined: [RemovesItem, Totals, otherStale]);

        var summary = RunSummary.Format(results, [RemovesItem, Totals], verdict, "prod");

        Assert.Equal(
            "AgentTestGuard: 3 agent tests ran: 0 approved, 3 quarantined; 2 quarantined failures; 2 stale approvals.\n"
            + "  Quarantined failures (reported, not failing the run: no gating test failed):\n"
            + "    Shop.Tests.CartTests.Removes_item (unapproved, agent copilot): first\n"
            + "    Shop.Tests.CartTests.Totals (stale, agent claude-code): second\n"
            + "  Stale: Shop.Tests.CartTests.Totals was approved by Dana Lee <dana@example.com> but has changed since; it is quarantined until approved again.\n"
            + "  Stale: Shop.Tests.CartTests.Totals_again was approved by Dana Lee <dana@example.com> but has changed since; it is quarantined until approved again.\n"
            + "  Not run in environment 'prod', where the policy does not allow unreviewed agent tests: 2 quarantined tests.\n"
            + "    Shop.Tests.CartTests.Removes_item\n"
            + "    Shop.Tests.CartTests.Totals",
            summary);
    }

    [Fact]
    public void One_agent_test_is_singular()
    {
        TestResult[] results = [Make.Of(AddsItem, TestOutcome.Passed)];

        var summary = RunSummary.Format(results, [], Decide(results), "local");

        Assert.Equal("AgentTestGuard: 1 agent test ran: 1 approved, 0 quarantined; 0 quarantined failures; 0 stale approvals.", summary);
    }

    [Fact]
    public void An_approval_from_before_fingerprint_version_2_is_called_so()
    {
        // Fingerprint 2 hashes the source, not the compiled code: every older approval is stale once, edited or not.
        var upgraded = Totals with { Approval = new TestApproval(ApprovalState.Stale, Make.Dana, Make.Noon, Make.Version1Fingerprint) };
        TestResult[] results = [Make.Of(upgraded, TestOutcome.Passed)];

        var summary = RunSummary.Format(results, [], Decide(results, quarantined: [upgraded]), "local");

        Assert.EndsWith(
            "\n  Stale: Shop.Tests.CartTests.Totals was approved by Dana Lee <dana@example.com> before fingerprint version 2, which needs every approval once more (docs/fingerprint.md); it is quarantined until approved again.",
            summary,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Text_an_agent_wrote_cannot_reach_the_terminal_raw()
    {
        var evil = Make.Test(
            "Shop.Tests.\u001b[2JEvil.Test\u202Egnp",
            ApprovalState.Unapproved,
            "co\u001b]8;;https://x\u0007pilot",
            ["CART\u0085-1", "\u2066hidden\u2069"]);
        var staleEvil = Make.Test("Shop.Tests.CartTests.Stale\u001b[8m", ApprovalState.Stale) with
        {
            Approval = new TestApproval(ApprovalState.Stale, "Eve \u001b[31m<eve@example.com>", Make.Noon, Make.OlderFingerprint),
        };
        TestResult[] results =
        [
            Make.Of(evil, TestOutcome.Failed, "boom \u001b[31m\u009b red\u202E\rsecond line"),
            Make.Of(staleEvil, TestOutcome.Passed),
        ];
        var verdict = Decide(results, enforce: true, ownerNamed: true, evil, staleEvil);

        var summary = RunSummary.Format(results, [evil], verdict, "env\u001b[1m");

        Assert.DoesNotContain(summary, c => char.IsControl(c) && c != '\n');
        Assert.DoesNotContain(summary, c => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069');
        Assert.Contains("    Shop.Tests.\\u001B[2JEvil.Test\\u202Egnp (unapproved, agent co\\u001B]8;;https://x\\u0007pilot): boom \\u001B[31m\\u009B red\\u202E second line\n", summary, StringComparison.Ordinal);
        Assert.Contains("  Stale: Shop.Tests.CartTests.Stale\\u001B[8m was approved by Eve \\u001B[31m<eve@example.com> but", summary, StringComparison.Ordinal);
        Assert.Contains("  Not run in environment 'env\\u001B[1m',", summary, StringComparison.Ordinal);
        Assert.Contains("\n    Shop.Tests.\\u001B[2JEvil.Test\\u202Egnp\n", summary, StringComparison.Ordinal);
        var listing = EnforcementListing.Format(verdict);
        Assert.DoesNotContain(listing, c => char.IsControl(c) && c != '\n');
        Assert.Contains("(agent co\\u001B]8;;https://x\\u0007pilot; criteria CART\\u0085-1, \\u2066hidden\\u2069; unapproved)", listing, StringComparison.Ordinal);
        Assert.Contains("      approve: dotnet agt approve 'Shop.Tests.\\u001B[2JEvil.Test\\u202Egnp'", listing, StringComparison.Ordinal);
    }
}
