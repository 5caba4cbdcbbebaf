using AgentTestGuard.Configuration;
using Xunit;

namespace AgentTestGuard.Core.Tests.Configuration;

public sealed class PolicyTests
{
    [Fact]
    public void Reads_owner_agents_and_patterns()
    {
        using var file = new TempFile("p.json", """
            {
              "owner": "Dana Lee <dana@example.com>",
              "agents": ["copilot", "Claude-Code"],
              "criteriaPatterns": [ { "pattern": "JIRA-[0-9]+", "link": "https://jira.example.com/browse/{id}" } ]
            }
            """);

        var policy = Policy.Load(file.Path, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.NotNull(policy);
        Assert.Equal("Dana Lee <dana@example.com>", policy.Owner);
        Assert.True(policy.Allows("claude-code"));
        Assert.True(policy.Allows("COPILOT"));
        Assert.False(policy.Allows("copilot2"));
        var pattern = Assert.Single(policy.CriteriaPatterns);
        Assert.Equal(PatternMatch.Matches, pattern.Match("JIRA-12"));
        Assert.Equal(PatternMatch.DoesNotMatch, pattern.Match("XJIRA-12"));
        Assert.Equal(PatternMatch.DoesNotMatch, pattern.Match("JIRA-12x"));
        Assert.Equal("https://jira.example.com/browse/A%20B", pattern.LinkFor("A B"));
    }

    [Theory]
    [InlineData("{ }", 1, 1, "'agents' is missing")]
    [InlineData("{ \"agents\": \"copilot\" }", 1, 13, "Expected 'agents' to be a JSON array.")]
    [InlineData("{ \"agents\": [\"\"] }", 1, 14, "Expected each agent to be a non-empty string.")]
    [InlineData("{ \"agents\": [], \"owner\": 3 }", 1, 26, "Expected 'owner' to be a non-empty string.")]
    [InlineData("{ \"agents\": [],\n \"criteriaPatterns\": [ { \"pattern\": \"JIRA-(\" } ] }", 2, 37, "'pattern' is not a valid .NET regular expression")]
    [InlineData("{ \"agents\": [],\n \"criteriaPatterns\": [ { \"link\": \"https://x/{id}\" } ] }", 2, 24, "'pattern' is missing")]
    [InlineData("{ \"agents\": [],\n \"criteriaPatterns\": [ { \"pattern\": \"A\", \"link\": \"javascript:{id}\" } ] }", 2, 50, "'link' must be an absolute http:// or https:// address")]
    public void Reports_problems_at_their_position(string json, int line, int column, string message)
    {
        using var file = new TempFile("p.json", json);

        var policy = Policy.Load(file.Path, out var diagnostics);

        Assert.Null(policy);
        var error = Assert.Single(diagnostics);
        Assert.Equal(("AGT0005", line, column), (error.Code, error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_catastrophic_pattern_cannot_stall_matching_and_says_it_timed_out()
    {
        var pattern = new CriterionPattern("(a+)+b", linkTemplate: null);

        Assert.Equal(PatternMatch.TimedOut, pattern.Match(new string('a', 40) + "!"));
    }
}
