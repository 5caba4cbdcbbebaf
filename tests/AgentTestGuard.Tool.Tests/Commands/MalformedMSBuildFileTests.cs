using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Tests.Init;
using AgentTestGuard.Tool.Workspace;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Commands;

/// <summary>A project file MSBuild cannot read is a malformed file with its position (issue 30), not a stack trace.</summary>
public sealed class MalformedMSBuildFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("agt-msbuild-").FullName;

    public MalformedMSBuildFileTests() => MSBuildRegistration.Ensure();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_project_that_is_not_well_formed_XML_is_reported_at_its_position_and_the_workspace_is_not_loaded()
    {
        var project = Path.Combine(_folder, "Shop.Tests.csproj");
        File.WriteAllText(project, "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0\n  </PropertyGroup>\n</Project>\n");
        var error = new StringWriter();

        var workspace = RepositoryWorkspace.Load(project, new Output(new StringWriter(), error, colour: false), WorkspaceNeeds.ReviewFiles);

        Assert.Null(workspace);
        Assert.StartsWith($"error: {project}(4,5): error MSB4025: The project file could not be loaded. ", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Of_several_unreadable_projects_evaluated_at_once_the_first_in_the_files_order_is_reported()
    {
        File.WriteAllText(Path.Combine(_folder, "A.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        File.WriteAllText(Path.Combine(_folder, "B.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n</Project>\n");
        File.WriteAllText(Path.Combine(_folder, "C.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <Unclosed>\n</Project>\n");
        var error = new StringWriter();

        var workspace = RepositoryWorkspace.Load(_folder, new Output(new StringWriter(), error, colour: false), WorkspaceNeeds.ReviewFiles);

        Assert.Null(workspace);
        Assert.StartsWith($"error: {Path.Combine(_folder, "B.csproj")}(3,3): error MSB4025: ", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("C.csproj", error.ToString(), StringComparison.Ordinal);
    }

}
