using AgentTestGuard.Tests.Shared;

namespace AgentTestGuard.EndToEnd.Tests.Infrastructure;

internal static class ProjectRepository
{
    /// <summary>
    /// Makes the project's root a git repository, as a user's repository holds the tests and the
    /// review files, ignoring what builds and test runs leave there.
    /// </summary>
    public static GitRepository InitGit(this TestProject project)
    {
        File.WriteAllText(Path.Combine(project.Root, ".gitignore"), "bin/\nobj/\nruns/\n*.binlog\n");
        return GitRepository.Init(project.Root);
    }
}
