using System.Text;

namespace AgentTestGuard.FileSystem;

/// <summary>
/// Replaces a file in one step: the content goes to a temporary file in the same directory,
/// which is then renamed over the target. A reader sees the old file or the new one, never a
/// half-written one, and a killed process leaves at worst a stray temporary file.
/// </summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteAllText(string path, string content) => Write(path, WriteText(content));

    /// <summary>
    /// Creates the file in one step, refusing to replace one that exists, however recently another
    /// process created it. (The runtime checks for the target just before renaming onto it, so only
    /// a file created in that instant could still be replaced.)
    /// </summary>
    /// <returns>false, writing nothing, when the file already exists.</returns>
    public static bool TryCreate(string path, string content)
    {
        try
        {
            WriteThenRename(path, WriteText(content), overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    /// <summary>
    /// Replaces the file with what <paramref name="write"/> writes to the stream it is given; for
    /// content too large to build in memory first. If it throws, the file is left as it was.
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        WriteThenRename(path, write, overwrite: true);
    }

    private static Action<Stream> WriteText(string content) => stream =>
    {
        using var writer = new StreamWriter(stream, Utf8NoBom);
        writer.Write(content);
    };

    /// <summary>
    /// Temporary files of <paramref name="path"/> that a process killed while writing it left
    /// behind. Only safe to delete where no other process can be writing the file, under its
    /// <see cref="FileLock"/>.
    /// </summary>
    public static IEnumerable<string> LeftoversOf(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, $".{Path.GetFileName(path)}.*.tmp")
            : [];
    }

    private static void WriteThenRename(string path, Action<Stream> write, bool overwrite)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024))
            {
                write(stream);
            }

            File.Move(temporary, path, overwrite);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
