namespace AgentTestGuard.Tool.Git;

/// <summary>
/// The trusted base `verify --base` checks a change against: the commit the target branch
/// points at (CI passes its name), in the repository around a folder.
/// </summary>
/// <param name="Name">The ref as given, for messages.</param>
/// <param name="Commit">Its commit id.</param>
/// <param name="TopLevel">The repository's work tree root.</param>
internal sealed record BaseRevision(string Name, string Commit, string TopLevel)
{
    /// <returns>The base, or null with why it cannot be used.</returns>
    public static (BaseRevision? Base, string? Problem) Resolve(string folder, string name)
    {
        if (GitRunner.Run(folder, "rev-parse", "--show-toplevel") is not { ExitCode: 0 } top)
        {
            return (null, $"'{Cli.Output.Inert(folder)}' is not in a git repository");
        }

        if (GitRunner.Run(folder, "rev-parse", "--is-shallow-repository") is { ExitCode: 0 } shallow && shallow.Output.Trim() == "true")
        {
            return (null, "the repository is a shallow clone, so the commits since the base and who made them are not all known; fetch the whole history (for example fetch-depth: 0)");
        }

        // "--end-of-options" keeps a name starting with '-' from being read as an option.
        if (GitRunner.Run(folder, "rev-parse", "--verify", "-q", "--end-of-options", name + "^{commit}") is not { ExitCode: 0 } commit)
        {
            return (null, $"--base '{Cli.Output.Inert(name)}' is not a commit here; fetch the target branch (for example origin/main) before verify");
        }

        return (new BaseRevision(name, commit.Output.Trim(), top.Output.Trim()), null);
    }
}
