using System.Runtime.CompilerServices;

namespace AgentTestGuard.Tests.Shared;

/// <summary>
/// The tool starts git with this process's environment; the machine's git configuration and
/// identity variables must not decide any test. Set once, before any test runs, in the test
/// projects that run the tool's git code in process.
/// </summary>
internal static class GitEnvironment
{
    [ModuleInitializer]
    internal static void Isolate()
    {
        Environment.SetEnvironmentVariable("GIT_CONFIG_GLOBAL", GitRepository.EmptyGlobalConfig);
        Environment.SetEnvironmentVariable("GIT_CONFIG_NOSYSTEM", "1");
        foreach (var name in GitRepository.OverridingVariables)
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }
}
