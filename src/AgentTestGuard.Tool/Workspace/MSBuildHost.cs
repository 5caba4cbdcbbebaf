using Microsoft.Build.Locator;

namespace AgentTestGuard.Tool.Workspace;

/// <summary>
/// Finds the .NET SDK's MSBuild (the one `dotnet build` uses) and makes its assemblies load.
/// Must run before any method that touches an MSBuild type is compiled, hence its own class.
/// </summary>
/// <remarks>
/// NuGet's assemblies (for `init`) load the same way, from the SDK's folder: the tool ships none
/// of its own. MSBuild's evaluation loads the SDK's NuGet.Frameworks itself; a second copy of
/// NuGet in the tool's folder would be a different version of the same assemblies in one process,
/// and which one a type came from would depend on load order. So, like MSBuild's, touch NuGet's
/// types only after registration.
/// </remarks>
internal static class MSBuildHost
{
    private static readonly object Gate = new();

    public static void EnsureRegistered(string workingDirectory)
    {
        lock (Gate)
        {
            if (MSBuildLocator.IsRegistered)
            {
                return;
            }

            // The SDK global.json selects for this folder, as `dotnet build` run there would use.
            var instance = MSBuildLocator.QueryVisualStudioInstances(new VisualStudioInstanceQueryOptions
            {
                DiscoveryTypes = DiscoveryType.DotNetSdk,
                WorkingDirectory = workingDirectory,
            }).OrderByDescending(i => i.Version).FirstOrDefault()
                ?? throw new InvalidOperationException("No .NET SDK found: install one, or check global.json.");
            MSBuildLocator.RegisterInstance(instance);
        }
    }
}
