using AgentTestGuard.Configuration;
using Xunit;

namespace AgentTestGuard.Core.Tests.Configuration;

public sealed class PolicyEnvironmentsTests
{
    [Fact]
    public void Without_the_key_unreviewed_tests_run_locally_and_in_CI()
    {
        using var file = new TempFile("p.json", """{ "agents": ["copilot"] }""");

        var policy = Policy.Load(file.Path, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.NotNull(policy);
        Assert.Equal(["local", "ci"], policy.Environments);
        Assert.Equal(["local", "ci"], Policy.DefaultEnvironments);
    }

    [Fact]
    public void The_listed_environments_are_read_trimmed_and_in_order()
    {
        using var file = new TempFile("p.json", """{ "agents": ["copilot"], "environments": ["local", " staging ", "Nightly"] }""");

        var policy = Policy.Load(file.Path, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.NotNull(policy);
        Assert.Equal(["local", "staging", "Nightly"], policy.Environments);
    }

    [Fact]
    public void An_empty_list_means_unreviewed_tests_run_nowhere()
    {
        using var file = new TempFile("p.json", """{ "agents": ["copilot"], "environments": [] }""");

        var policy = Policy.Load(file.Path, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.NotNull(policy);
        Assert.Empty(policy.Environments);
    }

    [Theory]
    [InlineData("{ \"agents\": [], \"environments\": [\"ci\", 3] }", 1, 40, "Expected each environment to be a non-empty string.")]
    [InlineData("{ \"agents\": [], \"environments\": [\"ci\", \" \"] }", 1, 40, "Expected each environment to be a non-empty string.")]
    [InlineData("{ \"agents\": [],\n  \"environments\": [\"local\", true, \"ci\"] }", 2, 29, "Expected each environment to be a non-empty string.")]
    [InlineData("{ \"agents\": [], \"environments\": \"ci\" }", 1, 33, "Expected 'environments' to be a JSON array.")]
    [InlineData("{ \"agents\": [], \"environments\": null }", 1, 33, "Expected 'environments' to be a JSON array.")]
    public void A_malformed_list_is_an_error_at_its_position(string json, int line, int column, string message)
    {
        using var file = new TempFile("p.json", json);

        var policy = Policy.Load(file.Path, out var diagnostics);

        Assert.Null(policy);
        var error = Assert.Single(diagnostics);
        Assert.Equal(("AGT0005", file.Path, line, column, message), (error.Code, error.File, error.Line, error.Column, error.Message));
    }
}
