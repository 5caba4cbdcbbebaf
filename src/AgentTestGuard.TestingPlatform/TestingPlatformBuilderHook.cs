using Microsoft.Testing.Platform.Builder;

namespace AgentTestGuard.TestingPlatform;

/// <summary>
/// Registers AgentTestGuard in a test app. The platform's MSBuild integration generates a call to it
/// for every TestingPlatformBuilderHook item, and the package's targets add AgentTestGuard's, so users
/// write no code. A test app that builds its own entry point calls
/// <see cref="AgentTestGuardExtensions.AddAgentTestGuard"/> instead.
/// </summary>
public static class TestingPlatformBuilderHook
{
    /// <summary>Adds AgentTestGuard to the test app: <see cref="AgentTestGuardExtensions.AddAgentTestGuard"/>.</summary>
    /// <param name="builder">The test app's builder.</param>
    /// <param name="args">
    /// The test app's arguments. Not used: <see cref="AgentTestGuardExtensions.AddAgentTestGuard"/>
    /// reads the process's own, which are the same.
    /// </param>
    public static void AddExtensions(ITestApplicationBuilder builder, string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        builder.AddAgentTestGuard();
    }
}
