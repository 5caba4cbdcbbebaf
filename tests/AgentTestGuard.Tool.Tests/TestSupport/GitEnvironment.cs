using System.Runtime.CompilerServices;

namespace AgentTestGuard.Tool.Tests.TestSupport;

/// <summary>
/// The tool starts git with this process's environment; the machine's git configuration and
/// identity variables must not decide any test. Set once, before any test runs.
/// </summary>
internal static class GitEnvironment
{
    /// <summary>
    /// Stands in for the user's global git configuration: a file that does not exist, which git
    /// reads as empty (and nothing is left behind).
    /// </summary>
    public static string EmptyGlobalConfig { get; } =
        Path.Combine(Path.GetTempPath(), $"agt-no-gitconfig-{Guid.NewGuid():N}", "config");

    // Variables that override what a test's repository says: identities, dates, which repository.
    private static readonly string[] Cleared =
    [
        "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_AUTHOR_DATE",
        "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "GIT_COMMITTER_DATE", "EMAIL",
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_CEILING_DIRECTORIES",
        "GIT_CONFIG", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT",
    ];

    [ModuleInitializer]
    internal static void Isolate()
    {
        Environment.SetEnvironmentVariable("GIT_CONFIG_GLOBAL", EmptyGlobalConfig);
        Environment.SetEnvironmentVariable("GIT_CONFIG_NOSYSTEM", "1");
        foreach (var name in Cleared)
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }
}
