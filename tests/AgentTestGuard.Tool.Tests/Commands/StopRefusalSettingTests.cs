using AgentTestGuard.Tool.Commands.Verify;
using AgentTestGuard.Tool.Workspace;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Commands;

/// <summary>The property `dotnet agt` builds with to list a stopped agent's tests is offending in a project's own settings.</summary>
public sealed class StopRefusalSettingTests
{
    [Fact]
    public void A_project_that_turns_the_stop_refusal_off_is_offending()
    {
        var folder = Directory.CreateTempSubdirectory("agt-refusal-").FullName;
        try
        {
            var project = Path.Combine(folder, "Shop.Tests.csproj");
            GuardSettings[] projects =
            [
                new(project, ReferencesPackage: true, Skip: false, EnforceOff: false, OtherFiles: []) { StopRefusalOff = true },
                new(Path.Combine(folder, "Other.Tests.csproj"), ReferencesPackage: true, Skip: false, EnforceOff: false, OtherFiles: []),
            ];

            var offences = ProjectSettingsCheck.Check(projects, null);

            Assert.Equal(
                [new ProjectSettingsCheck.Offence(project, "_AgentTestGuardRefuseStoppedAgents is false: a stopped agent's unreviewed tests build (only dotnet agt's own builds may set it)")],
                offences);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
