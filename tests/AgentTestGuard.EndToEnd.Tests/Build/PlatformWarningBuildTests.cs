using AgentTestGuard.EndToEnd.Tests.Infrastructure;

namespace AgentTestGuard.EndToEnd.Tests.Build;

/// <summary>Quarantine needs Microsoft.Testing.Platform; a VSTest project is told so at build time.</summary>
public sealed class PlatformWarningBuildTests
{
    [Fact]
    public async Task A_VSTest_project_builds_with_AGT0016_and_a_platform_project_without_it()
    {
        // MSTest without EnableMSTestRunner runs on VSTest.
        var vstest = Sources.ValidProject(TestFramework.MSTest, "Shop.Tests");
        File.WriteAllText(vstest.ProjectFile, File.ReadAllText(vstest.ProjectFile).Replace("<EnableMSTestRunner>true</EnableMSTestRunner>", "", StringComparison.Ordinal));

        var build = await vstest.BuildAsync();

        Assert.True(build.ExitCode == 0, build.Output);
        var warning = Assert.Single(build.Warnings, w => w.Code == "AGT0016");
        Assert.Contains("Quarantine needs Microsoft.Testing.Platform on .NET 8 or later; this test project (net10.0, IsTestingPlatformApplication='false')", warning.Message, StringComparison.Ordinal);

        var platform = Sources.ValidProject(TestFramework.MSTest, "Shop.Tests");
        var platformBuild = await platform.BuildAsync();
        Assert.True(platformBuild.ExitCode == 0, platformBuild.Output);
        Assert.DoesNotContain(platformBuild.Warnings, w => w.Code == "AGT0016");
    }
}
