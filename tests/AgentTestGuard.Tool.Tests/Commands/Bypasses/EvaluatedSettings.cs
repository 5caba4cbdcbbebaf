using AgentTestGuard.Tool.Commands.Verify;
using AgentTestGuard.Tool.Workspace;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Commands.Bypasses;

/// <summary>Test projects written for verify's evaluation (unrestored: what they set is what counts), and its verdict on them.</summary>
internal static class EvaluatedSettings
{
    /// <summary>What verify's settings check finds in the projects, judged without a policy.</summary>
    public static IReadOnlyList<ProjectSettingsCheck.Offence> Check(params string[] projects)
    {
        var (settings, problem) = GuardSettings.OfTestProjects(projects);
        Assert.Null(problem);
        return ProjectSettingsCheck.Check(settings!, null);
    }

    /// <summary>folder/&lt;folder's name&gt;.csproj referencing AgentTestGuard; <paramref name="properties"/> start on line 5.</summary>
    public static string WriteTestProject(string folder, string properties, string afterReference = "")
    {
        Directory.CreateDirectory(folder);
        var project = Path.Combine(folder, Path.GetFileName(folder) + ".csproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <IsTestProject>true</IsTestProject>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="AgentTestGuard" />
              </ItemGroup>
              {afterReference}
            </Project>

            """);
        return project;
    }
}
