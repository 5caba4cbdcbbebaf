using System.Reflection;

namespace AgentTestGuard.EndToEnd.Tests.Infrastructure;

/// <summary>Facts about this repository's build, stamped into the test assembly by its project file.</summary>
internal static class BuildInfo
{
    public static string RepositoryRoot => Get(nameof(RepositoryRoot));

    public static string Configuration => Get(nameof(Configuration));

    public static string XunitV3Version => Get(nameof(XunitV3Version));

    public static string MSTestVersion => Get(nameof(MSTestVersion));

    public static string NUnitVersion => Get(nameof(NUnitVersion));

    public static string NUnitAdapterVersion => Get(nameof(NUnitAdapterVersion));

    public static string TUnitVersion => Get(nameof(TUnitVersion));

    public static string TrxReportVersion => Get(nameof(TrxReportVersion));

    private static string Get(string key) =>
        typeof(BuildInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
