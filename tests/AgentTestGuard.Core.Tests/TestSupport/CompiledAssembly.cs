namespace AgentTestGuard.Core.Tests.TestSupport;

/// <summary>A compiled assembly in its own temporary folder, deleted on dispose.</summary>
public sealed class CompiledAssembly : IDisposable
{
    public CompiledAssembly(string directory, string path)
    {
        Directory = directory;
        Path = path;
    }

    public string Directory { get; }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A reader still open on Windows: the OS cleans the temp folder eventually.
        }
    }
}
