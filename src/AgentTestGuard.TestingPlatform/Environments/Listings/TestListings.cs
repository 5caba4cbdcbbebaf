using System.Reflection;

namespace AgentTestGuard.TestingPlatform.Environments.Listings;

/// <summary>Which listing a test app gives: xunit v3's own, or the platform's.</summary>
internal static class TestListings
{
    /// <summary>The assembly xunit v3 compiles into every test app, with its console runner.</summary>
    private const string XunitConsoleRunner = "xunit.v3.runner.inproc.console";

    public static ITestListing For(Assembly testApp) =>
        testApp.GetReferencedAssemblies().Any(name => name.Name == XunitConsoleRunner)
            ? XunitTestListing.Instance
            : PlatformTestListing.Instance;
}
