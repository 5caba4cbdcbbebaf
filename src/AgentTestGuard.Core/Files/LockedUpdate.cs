using AgentTestGuard.Diagnostics;

namespace AgentTestGuard.Files;

/// <summary>
/// Read, change and write back a repository line file under its <see cref="FileLock"/>, so that
/// concurrent commands each see the other's entries. A missing file reads as empty. A file with
/// any finding, even a warning such as an unknown key, is left as it is: rewriting it would drop
/// what the finding is about, and the user should see it first.
/// </summary>
internal static class LockedUpdate
{
    public delegate IReadOnlyList<T>? Loader<T>(string path, out IReadOnlyList<Diagnostic> diagnostics);

    public static bool Apply<T>(
        string path,
        Loader<T> load,
        Func<IReadOnlyList<T>, IEnumerable<T>> change,
        Action<string, IEnumerable<T>> write,
        TimeSpan? lockTimeout,
        out IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(change);
        using var fileLock = FileLock.Acquire(path, lockTimeout ?? FileLock.DefaultTimeout);
        IReadOnlyList<T> current = [];
        diagnostics = [];
        if (File.Exists(path) && load(path, out diagnostics) is { } loaded)
        {
            current = loaded;
        }

        if (diagnostics.Count > 0)
        {
            return false;
        }

        write(path, [.. change(current)]);
        return true;
    }
}
