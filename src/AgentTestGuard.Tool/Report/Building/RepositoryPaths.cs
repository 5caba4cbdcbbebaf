namespace AgentTestGuard.Tool.Report.Building;

/// <summary>Paths as the report shows them: relative to the repository's root, with '/', the same on every machine.</summary>
internal static class RepositoryPaths
{
    /// <returns>The full path for a file outside the root.</returns>
    public static string Relative(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? path
            : relative.Replace('\\', '/');
    }
}
