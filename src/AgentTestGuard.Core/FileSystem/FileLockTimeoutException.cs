using System.Globalization;

namespace AgentTestGuard.FileSystem;

/// <summary>
/// <see cref="FileLock.Acquire"/> waited its time and the lock is still held. An IOException, so
/// that a command reporting I/O problems reports this one too; its message names the lock file,
/// which is what a user needs when a crashed process left it behind.
/// </summary>
internal sealed class FileLockTimeoutException : IOException
{
    public FileLockTimeoutException(string lockPath, TimeSpan timeout, Exception? inner = null)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"Could not lock '{lockPath}' within {timeout.TotalSeconds:0.###} s: another agt command may be writing the file. Try again; if none is running, delete the lock file."), inner)
    {
        LockPath = lockPath;
    }

    public string LockPath { get; }
}
