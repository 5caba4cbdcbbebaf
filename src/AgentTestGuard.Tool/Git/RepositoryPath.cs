namespace AgentTestGuard.Tool.Git;

/// <summary>Paths in the work tree as git names them in a tree: from the repository's root, with '/'.</summary>
internal static class RepositoryPath
{
    /// <summary>A folder ends with '/', a file does not ("tests/Shop.Tests/", "tests/Shop.Tests/Shop.Tests.csproj"); null outside a repository.</summary>
    /// <remarks>Asked of git, which resolves symbolic links in the way (a temp folder under /var on macOS, say).</remarks>
    public static string? Of(string path)
    {
        var full = Path.GetFullPath(path);
        var isFolder = Directory.Exists(full);
        var directory = isFolder ? full : Path.GetDirectoryName(full)!;
        if (GitRunner.Run(directory, "rev-parse", "--show-prefix") is not { ExitCode: 0 } prefix)
        {
            return null;
        }

        return isFolder ? prefix.Output.Trim() : prefix.Output.Trim() + Path.GetFileName(full);
    }
}
