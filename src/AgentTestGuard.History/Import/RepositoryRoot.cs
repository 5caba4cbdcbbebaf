namespace AgentTestGuard.History.Import;

/// <summary>The repository a history command works in: the nearest folder with a .git, else the folder itself.</summary>
internal static class RepositoryRoot
{
    public static string Find(string folder)
    {
        var start = Path.GetFullPath(folder);
        for (var current = new DirectoryInfo(start); current is not null; current = current.Parent)
        {
            var git = Path.Combine(current.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return current.FullName;
            }
        }

        return start;
    }

    /// <summary>The nearest <paramref name="name"/> in <paramref name="folder"/> or above, as the build finds the repository's files.</summary>
    public static string? FindFile(string folder, string name)
    {
        for (var current = new DirectoryInfo(Path.GetFullPath(folder)); current is not null; current = current.Parent)
        {
            var candidate = Path.Combine(current.FullName, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
