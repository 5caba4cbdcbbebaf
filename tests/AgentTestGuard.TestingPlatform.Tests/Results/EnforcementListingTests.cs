using AgentTestGuard.Approvals;
using AgentTestGuard.Incidents;
using AgentTestGuard.Inventory;
using AgentTestGuard.TestingPlatform.Results;
using AgentTestGuard.TestingPlatform.Tests.TestSupport;
using Xunit;

namespace AgentTestGuard.TestingPlatform.Tests.Results;

public sealed class EnforcementListingTests
{
    private static readonly AgentTest RemovesItem = Make.Test("Shop.Tests.CartTests.Removes_item", ApprovalState.Unapproved, "copilot", ["CART-12"]);
    private static readonly AgentTest Totals = Make.Test("Shop.Tests.CartTests.Totals", ApprovalState.Stale, "claude-code");

    private static RunVerdict Unreviewed(params AgentTest[] tests) => new([], [], false, tests, false);

    [Fact]
    public void One_test_awaiting_review_is_singular()
    {
        Assert.Equal(
            "AgentTestGuard enforce mode: the run fails\n"
            + "  1 agent test awaiting human review:\n"
            + "    Shop.Tests.CartTests.Removes_item (agent copilot; criteria CART-12; unapproved)\n"
            + "      approve: dotnet agt approve Shop.Tests.CartTests.Removes_item",
            EnforcementListing.Format(Unreviewed(RemovesItem)));
    }

    [Fact]
    public void An_approval_from_before_fingerprint_version_2_is_called_so_and_gets_the_approve_command()
    {
        var upgraded = Totals with { Approval = new TestApproval(ApprovalState.Stale, Make.Dana, Make.Noon, Make.Version1Fingerprint) };

        Assert.Equal(
            "AgentTestGuard enforce mode: the run fails\n"
            + "  1 agent test awaiting human review:\n"
            + "    Shop.Tests.CartTests.Totals (agent claude-code; criteria none; stale: approved before fingerprint version 2, review and approve once more (docs/fingerprint.md))\n"
            + "      approve: dotnet agt approve Shop.Tests.CartTests.Totals",
            EnforcementListing.Format(Unreviewed(upgraded)));
    }

    [Fact]
    public void An_owner_missing_and_tests_unapproved_and_stale()
    {
        Assert.Equal(
            "AgentTestGuard enforce mode: the run fails\n"
            + "  The policy names no owner: add \"owner\": \"Name <email>\" to agenttestguard.policy.json.\n"
            + "  2 agent tests awaiting human review:\n"
            + "    Shop.Tests.CartTests.Removes_item (agent copilot; criteria CART-12; unapproved)\n"
            + "      approve: dotnet agt approve Shop.Tests.CartTests.Removes_item\n"
            + "    Shop.Tests.CartTests.Totals (agent claude-code; criteria none; stale: changed since its approval)\n"
            + "      approve: dotnet agt approve Shop.Tests.CartTests.Totals",
            EnforcementListing.Format(new RunVerdict([], [], false, [RemovesItem, Totals], OwnerMissingInEnforceMode: true)));
    }

    [Fact]
    public void A_rejected_test_is_listed_as_rejected_with_who_and_why_and_no_approve_command()
    {
        var rejection = new Incident(
            IncidentKind.Rejection, "Shop.Tests", RemovesItem.Id, RemovesItem.Fingerprint, "copilot", Make.Dana, Make.Noon, "asserts the old total \u001b[2J");

        var listing = EnforcementListing.Format(Unreviewed(RemovesItem, Totals), test => test == RemovesItem ? rejection : null);

        Assert.Equal(
            "AgentTestGuard enforce mode: the run fails\n"
            + "  1 agent test awaiting human review:\n"
            + "    Shop.Tests.CartTests.Totals (agent claude-code; criteria none; stale: changed since its approval)\n"
            + "      approve: dotnet agt approve Shop.Tests.CartTests.Totals\n"
            + "  1 agent test rejected:\n"
            + "    Shop.Tests.CartTests.Removes_item (agent copilot; criteria CART-12; rejected by Dana Lee <dana@example.com> on 2026-11-24: asserts the old total \\u001B[2J)\n"
            + "      change the test (it then awaits review again) or remove it",
            listing);
    }

    [Fact]
    public void Several_criteria_are_listed()
    {
        var test = Make.Test("Shop.Tests.CartTests.M", ApprovalState.Unapproved, "copilot", ["CART-12", "CART-13"]);

        Assert.Contains("(agent copilot; criteria CART-12, CART-13; unapproved)", EnforcementListing.Format(Unreviewed(test)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_owner_missing_alone_explains_itself()
    {
        Assert.Equal(
            "AgentTestGuard enforce mode: the run fails\n"
            + "  The policy names no owner: add \"owner\": \"Name <email>\" to agenttestguard.policy.json.",
            EnforcementListing.Format(new RunVerdict([], [], false, [], OwnerMissingInEnforceMode: true)));
    }

    [Theory]
    [InlineData("Shop.Tests.CartTests+Totals.Rounds_up2", "Shop.Tests.CartTests+Totals.Rounds_up2")]
    [InlineData("Shop.Tests.T.It's", "'Shop.Tests.T.It'\\''s'")]
    [InlineData("Shop.Tests.T.M; rm -rf ~", "'Shop.Tests.T.M; rm -rf ~'")]
    [InlineData("Shop.Tests.T.$(reboot)", "'Shop.Tests.T.$(reboot)'")]
    [InlineData("Shop.Tests.Generic`1+Inner`1.M", "'Shop.Tests.Generic`1+Inner`1.M'")]
    [InlineData("Shop.Tests.T.M\u001b[2J", "'Shop.Tests.T.M\\u001B[2J'")]
    public void The_approve_command_quotes_unusual_ids_for_the_shell(string id, string shown)
    {
        var message = EnforcementListing.Format(Unreviewed(Make.Test(id, ApprovalState.Unapproved)));

        Assert.EndsWith("\n      approve: dotnet agt approve " + shown, message, StringComparison.Ordinal);
    }
}
