using AgentTestGuard.Tool.Commands.Verify;
using AgentTestGuard.Tool.Tests.Init;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Commands.Bypasses;

/// <summary>
/// Ways to switch the package off that name none of its public properties, evaluated with the
/// package's real targets imported: DesignTimeBuild, removing its platform hook, or passing
/// --agt-enforce false to every run through TestingPlatformCommandLineArguments.
/// </summary>
public sealed class PackageTargetsBypassTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("agt-targets-").FullName;

    public PackageTargetsBypassTests() => MSBuildRegistration.Ensure();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_project_with_the_package_as_it_ships_is_not_offending()
    {
        var project = WriteProject("", "");

        Assert.Empty(Check(project));
    }

    [Fact]
    public void DesignTimeBuild_set_in_a_project_switches_the_targets_off_and_is_offending()
    {
        var project = WriteProject("<DesignTimeBuild>true</DesignTimeBuild>", "");

        Assert.Equal(
            [new ProjectSettingsCheck.Offence(project, $"the package's targets are switched off (DesignTimeBuild or _AgentTestGuardEnabled): the build makes no inventory, so its agent tests gate unrecognised (set at {project}(5))")],
            Check(project));
    }

    [Fact]
    public void A_removed_platform_hook_is_offending()
    {
        var project = WriteProject("", "<ItemGroup>\n    <TestingPlatformBuilderHook Remove=\"@(TestingPlatformBuilderHook)\" />\n  </ItemGroup>");

        Assert.Equal(
            [new ProjectSettingsCheck.Offence(project, "the package's TestingPlatformBuilderHook is removed: its run-time extension does not load, so the run has no quarantine and no enforce mode")],
            Check(project));
    }

    [Fact]
    public void Run_arguments_that_turn_enforce_mode_off_are_offending()
    {
        var project = WriteProject("<Off>false</Off>\n    <TestingPlatformCommandLineArguments>--agt-enforce $(Off)</TestingPlatformCommandLineArguments>", "");

        Assert.Equal(
            [new ProjectSettingsCheck.Offence(project, $"TestingPlatformCommandLineArguments '--agt-enforce false' turns enforce mode off: a run in CI passes while agent tests are unreviewed (set at {project}(6))")],
            Check(project));
    }

    private static IReadOnlyList<ProjectSettingsCheck.Offence> Check(string project) => EvaluatedSettings.Check(project);

    /// <summary>A test project importing the package's targets from this repository, as restore would.</summary>
    private string WriteProject(string properties, string afterImport) =>
        EvaluatedSettings.WriteTestProject(Path.Combine(_folder, "Shop.Tests"), properties, $"<Import Project=\"{PackageTargets()}\" />\n  {afterImport}");

    private static string PackageTargets()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var targets = Path.Combine(directory.FullName, "src", "AgentTestGuard", "build", "AgentTestGuard.targets");
            if (File.Exists(targets))
            {
                return targets;
            }
        }

        throw new InvalidOperationException("the package's targets are not above the test's folder");
    }
}
