using AgentTestGuard.Tool.Workspace;

namespace AgentTestGuard.Tool.Tests.Init;

/// <summary>
/// Tests of code that uses MSBuild's or NuGet's types (loaded from the SDK, as in the tool) call
/// this first, in their constructor: the test method, which names those types, compiles after it.
/// </summary>
internal static class MSBuildRegistration
{
    public static void Ensure() => MSBuildHost.EnsureRegistered(AppContext.BaseDirectory);
}
