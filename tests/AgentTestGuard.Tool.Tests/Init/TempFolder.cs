namespace AgentTestGuard.Tool.Tests.Init;

/// <summary>A fresh folder under the temp folder, deleted with the test class.</summary>
public abstract class TempFolder : IDisposable
{
    protected string Folder { get; } = Directory.CreateTempSubdirectory("agt-init-").FullName;

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected string Write(string relativePath, string content)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }
}
