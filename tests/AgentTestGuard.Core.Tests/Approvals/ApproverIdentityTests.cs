using System.Text.RegularExpressions;
using AgentTestGuard.Approvals;
using Xunit;

namespace AgentTestGuard.Core.Tests.Approvals;

public sealed class ApproverIdentityTests
{
    [Theory]
    [InlineData("Copilot <198982749+Copilot@users.noreply.github.com>", "it is the GitHub address of the agent app 'Copilot'")]
    [InlineData("Someone <198982749+copilot@users.noreply.github.com>", "it is the GitHub address of the agent app 'copilot'")]
    [InlineData("copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>", "it is a bot account ([bot])")]
    [InlineData("Claude <209825114+claude[bot]@users.noreply.github.com>", "it is a bot account ([bot])")]
    [InlineData("Claude <noreply@anthropic.com>", "'noreply@anthropic.com' is a coding agent's address")]
    [InlineData("Cursor Agent <CursorAgent@cursor.com>", "'CursorAgent@cursor.com' is a coding agent's address")]
    [InlineData("Release Bot <release@example.com>", "it names a bot")]
    [InlineData("github-actions <41898282+github-actions@users.noreply.github.com>", "it names 'github-actions', an agent or service account")]
    public void Known_agents_and_bots_are_refused_even_when_the_policy_lists_no_agent(string approver, string why)
    {
        Assert.Equal(why, ApproverIdentity.WhyNotHuman(approver, []));
    }

    [Theory]
    [InlineData("Dana Lee <12345+dana@users.noreply.github.com>")]
    [InlineData("Dana Lee <copilot.fan@example.com>")]
    [InlineData("Dana Lee <12345+copilotfan@users.noreply.github.com>")]
    [InlineData("Dana Lee <dana@anthropic.com>")]
    public void People_are_not_refused(string approver)
    {
        Assert.Null(ApproverIdentity.WhyNotHuman(approver, []));
    }

    [Fact]
    public void The_policys_deny_patterns_refuse_matching_identities_anywhere_in_them()
    {
        Regex[] patterns = [new("build service", RegexOptions.IgnoreCase), new("@ci\\.example\\.com>$", RegexOptions.IgnoreCase)];

        Assert.Equal(
            "it matches the policy's approver deny pattern 'build service'",
            ApproverIdentity.WhyNotHuman("Shop Build Service <shop@example.com>", [], patterns));
        Assert.Equal(
            "it matches the policy's approver deny pattern '@ci\\.example\\.com>$'",
            ApproverIdentity.WhyNotHuman("Deploy <deploy@ci.example.com>", [], patterns));
        Assert.Null(ApproverIdentity.WhyNotHuman("Dana Lee <dana@example.com>", [], patterns));
        Assert.Null(ApproverIdentity.WhyNotHuman("Shop Build Service <shop@example.com>", []));
    }

    [Theory]
    [InlineData("Dana Lee")]
    [InlineData("Dana Lee <>")]
    [InlineData("Dana Lee <dana>")]
    [InlineData("<dana@example.com>")]
    [InlineData("Dana Lee <dana@example.com")]
    public void An_identity_without_a_name_and_an_email_is_refused(string approver)
    {
        Assert.Equal(
            "it is not \"Name <email>\": without an email address it can be told apart neither from an agent nor from a commit's author",
            ApproverIdentity.WhyNotHuman(approver, []));
    }

    [Fact]
    public void A_deny_pattern_that_times_out_refuses_saying_it_timed_out()
    {
        Regex[] patterns = [new("^(a+)+$", RegexOptions.None, TimeSpan.FromMilliseconds(1))];

        Assert.Equal(
            "matching it against the policy's approver deny pattern '^(a+)+$' timed out after 1 ms, so it cannot be cleared (simplify the pattern)",
            ApproverIdentity.WhyNotHuman(new string('a', 40) + "! <a@example.com>", [], patterns));
    }
}
