namespace AgentTestGuard.TestingPlatform;

/// <summary>What the platform shows about the extension's parts (e.g. with --info).</summary>
internal static class ExtensionIdentity
{
    public const string Prefix = "AgentTestGuard";

    public static string Version => ProductVersion.Current;
}
