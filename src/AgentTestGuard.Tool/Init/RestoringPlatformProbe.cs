using System.Reflection;
using System.Text.Json;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Workspace;
using NuGet.Versioning;

namespace AgentTestGuard.Tool.Init;

/// <summary>
/// Restores a test project as it is (before init changes it) and reads which platform it resolves.
/// Restore, not a guess from the project file: the platform often comes in through the test
/// framework's packages (xunit.v3 3.x and MSTest 3.x bring platform 1.x), and only NuGet's own
/// resolution says which version wins.
/// </summary>
internal sealed class RestoringPlatformProbe(Output output) : ITestPlatformProbe
{
    /// <summary>The platform version the package depends on (from the build that made this tool).</summary>
    public static NuGetVersion RequiredVersion { get; } = NuGetVersion.Parse(
        typeof(RestoringPlatformProbe).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "AgentTestGuard.PlatformVersion").Value!);

    public PlatformFinding Probe(string projectFile, string assetsFile)
    {
        output.Progress($"restoring {Path.GetFileName(projectFile)} (to see which test platform it runs on)");
        if (DotNetBuild.Restore(projectFile) is { } failure)
        {
            return new PlatformFinding(PlatformState.NotChecked, Problem: failure);
        }

        try
        {
            return ProjectAssetsPlatform.Read(File.ReadAllText(assetsFile), RequiredVersion);
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException or UnauthorizedAccessException)
        {
            return new PlatformFinding(PlatformState.NotChecked, Problem: $"cannot read {assetsFile}: {e.Message}");
        }
    }
}
