using System.Text.Json;
using AgentTestGuard.EndToEnd.Tests.Infrastructure;
using AgentTestGuard.EndToEnd.Tests.Tool;

namespace AgentTestGuard.EndToEnd.Tests.Build;

/// <summary>Quarantine needs Microsoft.Testing.Platform; a VSTest project with agent tests is told so at build time, at its project file.</summary>
public sealed class PlatformWarningBuildTests
{
    [Fact]
    public async Task A_VSTest_project_with_agent_tests_gets_AGT0016_at_its_project_file_and_status_calls_them_gating()
    {
        // MSTest without EnableMSTestRunner runs on VSTest.
        var vstest = Sources.ValidProject(TestFramework.MSTest, "Shop.Tests");
        File.WriteAllText(vstest.ProjectFile, File.ReadAllText(vstest.ProjectFile).Replace("<EnableMSTestRunner>true</EnableMSTestRunner>", "", StringComparison.Ordinal));

        var build = await vstest.BuildAsync();

        Assert.True(build.ExitCode == 0, build.Output);
        var warning = Assert.Single(build.Warnings, w => w.Code == "AGT0016");
        Assert.Equal(
            (vstest.ProjectFile, 0, "Quarantine needs Microsoft.Testing.Platform on .NET 8 or later; this test project (net10.0, IsTestingPlatformApplication='false') runs its 4 agent tests as gating tests, "
                + "so an unapproved agent test that fails fails the run. Move the project to the platform's runner (docs/run-time.md)."),
            (warning.File, warning.Line, warning.Message));

        // The tool does not call them quarantined: they gate.
        await ToolTests.InstallToolAsync(vstest);
        var status = await ToolTests.AgtAsync(vstest, "status", "--json");
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Equal(["gating"], JsonDocument.Parse(status.Output[status.Output.IndexOf('{', StringComparison.Ordinal)..]).RootElement
            .GetProperty("tests").EnumerateArray().Select(t => t.GetProperty("state").GetString()).Distinct());

        var platform = Sources.ValidProject(TestFramework.MSTest, "Shop.Tests");
        var platformBuild = await platform.BuildAsync();
        Assert.True(platformBuild.ExitCode == 0, platformBuild.Output);
        Assert.DoesNotContain(platformBuild.Warnings, w => w.Code == "AGT0016");
    }

    [Fact]
    public async Task A_VSTest_project_without_agent_tests_builds_without_any_warning()
    {
        var vstest = TestProject.Create(TestFramework.MSTest, "Plain.Tests");
        File.WriteAllText(vstest.ProjectFile, File.ReadAllText(vstest.ProjectFile).Replace("<EnableMSTestRunner>true</EnableMSTestRunner>", "", StringComparison.Ordinal));
        vstest.Write("T.cs", "using Microsoft.VisualStudio.TestTools.UnitTesting;\n[TestClass] public class T { [TestMethod] public void A() { } }\n");
        vstest.ReferencePackage();

        var build = await vstest.BuildAsync();

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Empty(build.Diagnostics);
    }
}
