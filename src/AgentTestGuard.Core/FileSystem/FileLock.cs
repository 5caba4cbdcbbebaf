using System.Diagnostics;

namespace AgentTestGuard.FileSystem;

/// <summary>
/// An exclusive lock, across processes, for a read-modify-write of a repository file (the
/// approvals ledger, the incident log): two `dotnet agt` commands run at once, say by an agent and
/// a reviewer, would otherwise each read the file, change it and write it back, and one change
/// would be lost. The lock is a sibling file, <c>&lt;path&gt;.lock</c>, held open without sharing
/// and deleted when released, so normally none is left behind. It only excludes other holders of
/// this lock: readers (the build) still read the file, which <see cref="AtomicFile"/> replaces in
/// one step.
/// </summary>
internal sealed class FileLock : IDisposable
{
    /// <summary>How long commands wait for another command's write, which takes milliseconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly FileStream _stream;

    private FileLock(string lockPath, FileStream stream)
    {
        LockPath = lockPath;
        _stream = stream;
    }

    /// <summary>The lock file: <c>&lt;path&gt;.lock</c>, as a full path.</summary>
    public string LockPath { get; }

    /// <summary>
    /// Takes the lock for <paramref name="path"/>, waiting up to <paramref name="timeout"/> while
    /// another process (or thread) holds it.
    /// </summary>
    /// <exception cref="FileLockTimeoutException">The lock was still held when the time ran out.</exception>
    public static FileLock Acquire(string path, TimeSpan timeout)
    {
        var lockPath = Path.GetFullPath(path) + ".lock";
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            IOException? busy;
            try
            {
                var stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1, FileOptions.DeleteOnClose);

                // On Unix the holder unlinks the file before it unlocks it; a process that opened the
                // old file just before may then lock a file that no longer has the name, while a third
                // creates and locks a new one. Holding a file that was unlinked proves nothing: retry.
                if (File.Exists(lockPath))
                {
                    return new FileLock(lockPath, stream);
                }

                stream.Dispose();
                busy = null;
            }
            catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException and not PathTooLongException)
            {
                busy = e;
            }

            if (clock.Elapsed >= timeout)
            {
                throw new FileLockTimeoutException(lockPath, timeout, busy);
            }

            // Jitter, so that waiting commands do not retry in step.
            Thread.Sleep(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25)));
        }
    }

    public void Dispose() => _stream.Dispose();
}
