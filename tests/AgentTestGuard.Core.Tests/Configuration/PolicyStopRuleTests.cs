using AgentTestGuard.Configuration;
using Xunit;

namespace AgentTestGuard.Core.Tests.Configuration;

public sealed class PolicyStopRuleTests
{
    [Fact]
    public void Without_the_keys_the_default_rule_and_no_store_apply()
    {
        using var file = new TempFile("p.json", """{ "agents": ["copilot"] }""");

        var policy = Policy.Load(file.Path, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(new StopRule(30, null, 10, 1.0), policy!.StopRule);
        Assert.Null(policy.HistoryStore);
    }

    [Theory]
    [InlineData("""{ "windowDays": 14, "minimumEvents": 4, "maxTriageToValue": 2.5 }""", 14, null, 4, 2.5)]
    [InlineData("""{ "windowRuns": 50 }""", null, 50, 10, 1.0)]
    [InlineData("""{ "maxTriageToValue": 1 }""", 30, null, 10, 1.0)]
    public void The_rule_is_read(string rule, int? days, int? runs, int minimum, double ratio)
    {
        using var file = new TempFile("p.json", $$"""{ "agents": ["copilot"], "historyStore": "Host=db;Database=agt", "stopRule": {{rule}} }""");

        var policy = Policy.Load(file.Path, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(new StopRule(days, runs, minimum, ratio), policy!.StopRule);
        Assert.Equal("Host=db;Database=agt", policy.HistoryStore);
    }

    [Theory]
    [InlineData("""{ "agents": [], "stopRule": 3 }""", 1, 29, "Expected 'stopRule' to be a JSON object.")]
    [InlineData("""{ "agents": [], "stopRule": { "windowDays": 0 } }""", 1, 45, "Expected 'windowDays' to be a whole number above 0.")]
    [InlineData("""{ "agents": [], "stopRule": { "minimumEvents": 2.5 } }""", 1, 48, "Expected 'minimumEvents' to be a whole number above 0.")]
    [InlineData("{ \"agents\": [],\n  \"stopRule\": { \"maxTriageToValue\": \"1\" } }", 2, 37, "Expected 'maxTriageToValue' to be a number above 0, e.g. 1.5 (triage may be one and a half times the value).")]
    [InlineData("""{ "agents": [], "stopRule": { "windowDays": 7, "windowRuns": 9 } }""", 1, 62, "'stopRule' takes 'windowDays' or 'windowRuns', not both.")]
    public void A_bad_rule_is_an_error_at_its_position(string json, int line, int column, string message)
    {
        using var file = new TempFile("p.json", json);

        var policy = Policy.Load(file.Path, out var diagnostics);

        Assert.Null(policy);
        var error = Assert.Single(diagnostics);
        Assert.Equal(("AGT0005", line, column, message), (error.Code, error.Line, error.Column, message));
        Assert.Equal(message, error.Message);
    }
}
