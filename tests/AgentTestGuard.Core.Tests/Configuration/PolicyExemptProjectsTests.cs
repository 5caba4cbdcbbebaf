using AgentTestGuard.Configuration;
using Xunit;

namespace AgentTestGuard.Core.Tests.Configuration;

public sealed class PolicyExemptProjectsTests
{
    [Fact]
    public void Without_the_key_no_project_is_exempt()
    {
        using var file = new TempFile("p.json", """{ "agents": ["copilot"] }""");

        var policy = Policy.Load(file.Path, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Empty(policy!.ExemptProjects);
    }

    [Fact]
    public void Paths_are_read_with_forward_slashes()
    {
        using var file = new TempFile("p.json", """{ "agents": ["copilot"], "exemptProjects": ["tests\\Legacy\\Legacy.csproj", "tools/T.csproj"] }""");

        var policy = Policy.Load(file.Path, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(["tests/Legacy/Legacy.csproj", "tools/T.csproj"], policy!.ExemptProjects);
    }

    [Fact]
    public void A_value_that_is_not_a_path_is_an_error_with_its_position()
    {
        using var file = new TempFile("p.json", """{ "agents": ["copilot"], "exemptProjects": [3] }""");

        var policy = Policy.Load(file.Path, out var diagnostics);

        Assert.Null(policy);
        var error = Assert.Single(diagnostics);
        Assert.Equal((1, 45), (error.Line, error.Column));
    }
}
