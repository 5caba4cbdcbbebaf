using AgentTestGuard.Configuration;
using Xunit;

namespace AgentTestGuard.Core.Tests.Configuration;

public sealed class PolicyRequireSignedApprovalsTests
{
    [Fact]
    public void Without_the_key_signatures_are_not_required()
    {
        using var file = new TempFile("p.json", """{ "agents": ["copilot"] }""");

        var policy = Policy.Load(file.Path, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.False(policy!.RequireSignedApprovals);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void True_or_false_is_read(string value, bool expected)
    {
        using var file = new TempFile("p.json", $$"""{ "agents": ["copilot"], "requireSignedApprovals": {{value}} }""");

        var policy = Policy.Load(file.Path, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(expected, policy!.RequireSignedApprovals);
    }

    [Theory]
    [InlineData("{ \"agents\": [], \"requireSignedApprovals\": \"true\" }", 1, 43)]
    [InlineData("{ \"agents\": [], \"requireSignedApprovals\": 1 }", 1, 43)]
    [InlineData("{ \"agents\": [],\n  \"requireSignedApprovals\": null }", 2, 29)]
    [InlineData("{ \"agents\": [], \"requireSignedApprovals\": [true] }", 1, 43)]
    public void Anything_but_true_or_false_is_an_error_at_its_position(string json, int line, int column)
    {
        using var file = new TempFile("p.json", json);

        var policy = Policy.Load(file.Path, out var diagnostics);

        // A policy that cannot be read must not silently mean "signatures not required".
        Assert.Null(policy);
        var error = Assert.Single(diagnostics);
        Assert.Equal(("AGT0005", file.Path, line, column, "Expected 'requireSignedApprovals' to be true or false."), (error.Code, error.File, error.Line, error.Column, error.Message));
    }
}
