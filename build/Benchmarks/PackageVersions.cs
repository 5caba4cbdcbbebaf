using System.Reflection;

namespace AgentTestGuard.Benchmarks;

/// <summary>Package versions from Directory.Packages.props, baked in at build time.</summary>
internal static class PackageVersions
{
    public static string XunitV3 => Get("XunitV3Version");

    private static string Get(string key) =>
        typeof(PackageVersions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
