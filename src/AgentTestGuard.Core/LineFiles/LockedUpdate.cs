using System.Text;
using AgentTestGuard.Diagnostics;
using AgentTestGuard.FileSystem;

namespace AgentTestGuard.LineFiles;

/// <summary>
/// Read, change and write back a repository line file under its <see cref="FileLock"/>, so that
/// concurrent commands each see the other's entries. A missing file reads as empty and is created
/// with the format's header. Only the lines of entries the change adds, replaces or removes are
/// touched (<see cref="LineFileChange"/>); a change that changes nothing writes nothing. What a
/// command killed mid-write left (a temporary file; its lock file, which taking the lock reuses
/// and releasing it deletes) is cleaned up. A file
/// with any finding, even a warning such as an unknown key, is left as it is: the user should see
/// the finding first.
/// </summary>
internal static class LockedUpdate
{
    public delegate IReadOnlyList<T>? Loader<T>(string path, out IReadOnlyList<Diagnostic> diagnostics);

    public static bool Apply<T>(
        string path,
        Loader<T> load,
        Func<IReadOnlyList<T>, IEnumerable<T>> change,
        LineFileFormat<T> format,
        TimeSpan? lockTimeout,
        out IReadOnlyList<Diagnostic> diagnostics)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(format);
        using var fileLock = FileLock.Acquire(path, lockTimeout ?? FileLock.DefaultTimeout);

        // Every writer of the file holds the lock: a temporary file now is one a killed command left.
        foreach (var leftover in AtomicFile.LeftoversOf(path))
        {
            File.Delete(leftover);
        }

        IReadOnlyList<T> current = [];
        diagnostics = [];
        var bytes = Encoding.UTF8.GetBytes(format.Header + "\n");
        if (File.Exists(path))
        {
            // Read under the lock, so the bytes edited are the bytes the entries came from.
            bytes = File.ReadAllBytes(path);
            if (load(path, out diagnostics) is { } loaded)
            {
                current = loaded;
            }
        }

        if (diagnostics.Count > 0)
        {
            return false;
        }

        var changed = LineFileChange.Apply(bytes, current, [.. change(current)], format);
        if (File.Exists(path) && changed.AsSpan().SequenceEqual(bytes))
        {
            return true;
        }

        AtomicFile.Write(path, stream => stream.Write(changed));
        return true;
    }
}
