using AgentTestGuard.History.Records;

namespace AgentTestGuard.History.Import;

/// <summary>The run records an import offers: named files, and those in named folders and below.</summary>
internal static class RecordFiles
{
    /// <summary>
    /// The <c>TestResults</c> folders under the repository, where test runs leave their records by
    /// default (under each test app's output folder). Git's own folder is not searched.
    /// </summary>
    public static IReadOnlyList<string> DefaultFolders(string repositoryRoot)
    {
        var found = new List<string>();
        var pending = new Stack<string>([repositoryRoot]);
        while (pending.TryPop(out var folder))
        {
            IEnumerable<string> children;
            try
            {
                children = Directory.EnumerateDirectories(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var child in children)
            {
                var name = Path.GetFileName(child);
                if (name == ".git")
                {
                    continue;
                }

                if (name == "TestResults")
                {
                    found.Add(child);
                }
                else
                {
                    pending.Push(child);
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <returns>The record files, sorted, each once; and the paths that are neither a file nor a folder.</returns>
    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Missing) Expand(IEnumerable<string> paths)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var path in paths.Select(Path.GetFullPath))
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.UnionWith(Directory.EnumerateFiles(path, "*" + RunRecordReader.FileSuffix, SearchOption.AllDirectories));
            }
            else
            {
                missing.Add(path);
            }
        }

        return ([.. files], missing);
    }
}
