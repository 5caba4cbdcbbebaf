using AgentTestGuard.Configuration;
using Xunit;

namespace AgentTestGuard.Core.Tests.Configuration;

public sealed class PolicyApproverDenyPatternsTests
{
    [Fact]
    public void Without_the_key_there_are_none()
    {
        using var file = new TempFile("p.json", """{ "agents": ["copilot"] }""");

        var policy = Policy.Load(file.Path, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Empty(policy!.ApproverDenyPatterns);
    }

    [Fact]
    public void The_patterns_are_read_untrimmed_in_order_and_match_ignoring_case()
    {
        using var file = new TempFile("p.json", """{ "agents": ["copilot"], "approverDenyPatterns": ["^Build Service ", "@ci\\.example\\.com>$"] }""");

        var policy = Policy.Load(file.Path, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(["^Build Service ", "@ci\\.example\\.com>$"], policy!.ApproverDenyPatterns.Select(p => p.ToString()));
        Assert.Matches(policy.ApproverDenyPatterns[0], "build service <b@example.com>");
        Assert.Matches(policy.ApproverDenyPatterns[1], "Deploy <deploy@CI.example.com>");
        Assert.DoesNotMatch(policy.ApproverDenyPatterns[1], "Dana <dana@ci.example.com.evil>");
    }

    [Theory]
    [InlineData("{ \"agents\": [], \"approverDenyPatterns\": [\"ok\", \"(unclosed\"] }", 1, 48, "'(unclosed' is not a valid .NET regular expression: ")]
    [InlineData("{ \"agents\": [],\n  \"approverDenyPatterns\": [\n    \"[z-a]\"] }", 3, 5, "'[z-a]' is not a valid .NET regular expression: ")]
    [InlineData("{ \"agents\": [], \"approverDenyPatterns\": [\"ok\", 3] }", 1, 48, "Expected each approver deny pattern to be a non-empty string.")]
    [InlineData("{ \"agents\": [], \"approverDenyPatterns\": [\"  \"] }", 1, 42, "Expected each approver deny pattern to be a non-empty string.")]
    [InlineData("{ \"agents\": [], \"approverDenyPatterns\": \"bot\" }", 1, 41, "Expected 'approverDenyPatterns' to be a JSON array.")]
    public void A_malformed_pattern_is_an_error_at_its_position(string json, int line, int column, string message)
    {
        using var file = new TempFile("p.json", json);

        var policy = Policy.Load(file.Path, out var diagnostics);

        Assert.Null(policy);
        var error = Assert.Single(diagnostics);
        Assert.Equal(("AGT0005", file.Path, line, column), (error.Code, error.File, error.Line, error.Column));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
