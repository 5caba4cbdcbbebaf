namespace AgentTestGuard.Core.Tests.Configuration;

/// <summary>A file in a fresh temp folder, deleted with it.</summary>
internal sealed class TempFile : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("agt-unit-").FullName;

    public TempFile(string name, string content)
    {
        Path = System.IO.Path.Combine(_directory, name);
        File.WriteAllText(Path, content);
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
