using AgentTestGuard.Approvals;
using AgentTestGuard.Configuration;
using AgentTestGuard.Core.Tests.Configuration;
using AgentTestGuard.Incidents;
using AgentTestGuard.Inventory;
using Xunit;

namespace AgentTestGuard.Core.Tests.Approvals;

public sealed class ApprovalClassifierTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly string Current = new('a', 32);
    private static readonly string Older = new('b', 32);

    [Fact]
    public void Matching_fingerprints_approve_others_are_stale_and_the_rest_unapproved()
    {
        AgentTest[] tests = [Test("Approved"), Test("Stale"), Test("Unapproved")];
        Approval[] approvals =
        [
            new("Shop.Tests", "N.T.Approved", Current, "Dana Lee <dana@example.com>", Noon, Line: 2),
            new("Shop.Tests", "N.T.Stale", Older, "Dana Lee <dana@example.com>", Noon, Line: 3),
            new("Other.Tests", "N.T.Unapproved", Current, "Dana Lee <dana@example.com>", Noon, Line: 4),
        ];

        var classified = ApprovalClassifier.Classify("Shop.Tests", tests, approvals, null, "/r/a.jsonl", out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(
            [
                new TestApproval(ApprovalState.Approved, "Dana Lee <dana@example.com>", Noon, Current),
                new TestApproval(ApprovalState.Stale, "Dana Lee <dana@example.com>", Noon, Older),
                new TestApproval(ApprovalState.Unapproved),
            ],
            classified.Select(t => t.Approval));
    }

    [Fact]
    public void An_approval_for_a_missing_test_of_the_assembly_warns_at_its_line()
    {
        Approval[] approvals = [new("Shop.Tests", "N.T.Deleted", Current, "Dana <d@example.com>", Noon, Line: 7)];

        ApprovalClassifier.Classify("Shop.Tests", [Test("Kept")], approvals, null, "/r/a.jsonl", out var diagnostics);

        var warning = Assert.Single(diagnostics);
        Assert.Equal(("AGT0014", "/r/a.jsonl", 7), (warning.Code, warning.File, warning.Line));
    }

    [Theory]
    [InlineData("copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>")]
    [InlineData("Copilot <198982749+Copilot@users.noreply.github.com>")]
    [InlineData("Release Bot <release@example.com>")]
    [InlineData("github-actions <41898282+github-actions@users.noreply.github.com>")]
    [InlineData("Claude Code <noreply@example.com>")]
    [InlineData("claude-code <agent@example.com>")]
    public void Agents_and_bots_cannot_approve(string approver)
    {
        var (approval, diagnostics) = ClassifyApprovalBy(approver);

        Assert.Equal([("AGT0015", 5)], diagnostics);
        Assert.Equal(ApprovalState.Unapproved, approval!.State);
    }

    [Theory]
    [InlineData("Claude Monet <claude@monet.example>")]
    [InlineData("Dana Lee <12345+dana@users.noreply.github.com>")]
    [InlineData("Abbot Costello <abbot@example.com>")]
    public void People_whose_names_resemble_agents_can_approve(string approver)
    {
        var (approval, diagnostics) = ClassifyApprovalBy(approver);

        Assert.Empty(diagnostics);
        Assert.Equal(new TestApproval(ApprovalState.Approved, approver, Noon, Current), approval);
    }

    /// <summary>A claude-code test's approval by <paramref name="approver"/> (at line 5), under a policy naming two agents.</summary>
    /// <returns>The test's approval, and the code and line of each diagnostic.</returns>
    private static (TestApproval? Approval, List<(string Code, int Line)> Diagnostics) ClassifyApprovalBy(string approver)
    {
        Approval[] approvals = [new("Shop.Tests", "N.T.M", Current, approver, Noon, Line: 5)];
        using var policyFile = new TempFile("p.json", """{ "agents": ["copilot", "claude-code"] }""");
        var policy = Policy.Load(policyFile.Path, out _);

        var classified = ApprovalClassifier.Classify("Shop.Tests", [Test("M", agent: "claude-code")], approvals, policy, "/r/a.jsonl", out var diagnostics);

        return (classified.Single().Approval, [.. diagnostics.Select(d => (d.Code, d.Line))]);
    }

    [Fact]
    public void A_rejection_of_the_current_fingerprint_wins_over_any_approval_line()
    {
        AgentTest[] tests = [Test("Approved"), Test("Unapproved"), Test("Edited")];
        Approval[] approvals = [new("Shop.Tests", "N.T.Approved", Current, "Dana Lee <dana@example.com>", Noon, Line: 2)];
        Incident[] incidents =
        [
            new(IncidentKind.Rejection, "Shop.Tests", "N.T.Approved", Current, "copilot", "Sam Roe <sam@example.com>", Noon.AddHours(1), "asserts the mock"),
            new(IncidentKind.Rejection, "Shop.Tests", "N.T.Unapproved", Current, "copilot", "Sam Roe <sam@example.com>", Noon, "checks nothing"),
            new(IncidentKind.Rejection, "Shop.Tests", "N.T.Edited", Older, "copilot", "Sam Roe <sam@example.com>", Noon, "was wrong before the edit"),
            new(IncidentKind.Rejection, "Other.Tests", "N.T.Edited", Current, "copilot", "Sam Roe <sam@example.com>", Noon, "another assembly"),
            new(IncidentKind.Mistake, "Shop.Tests", "N.T.Edited", Current, "copilot", "Sam Roe <sam@example.com>", Noon, "not a rejection"),
        ];

        var classified = ApprovalClassifier.Classify("Shop.Tests", tests, approvals, incidents, null, "/r/a.jsonl", out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(
            [
                new TestApproval(ApprovalState.Rejected, "Dana Lee <dana@example.com>", Noon, Current)
                {
                    Rejection = new TestRejection("Sam Roe <sam@example.com>", Noon.AddHours(1), "asserts the mock"),
                },
                new TestApproval(ApprovalState.Rejected) { Rejection = new TestRejection("Sam Roe <sam@example.com>", Noon, "checks nothing") },
                new TestApproval(ApprovalState.Unapproved),
            ],
            classified.Select(t => t.Approval));
    }

    private static AgentTest Test(string method, string agent = "copilot") =>
        new($"N.T.{method}", "N.T", method, agent, AgentEvidence.None, ["CART-1"], Current, null);
}
