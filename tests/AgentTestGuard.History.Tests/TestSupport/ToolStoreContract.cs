namespace AgentTestGuard.History.Tests.TestSupport;

/// <summary>
/// Tests that run the real tool against a store named as `--store` names it, in a folder of their
/// own: the derived classes say which store (SQLite or PostgreSQL).
/// </summary>
public abstract class ToolStoreContract : IDisposable
{
    protected TempFolder Folder { get; } = new();

    /// <summary>The store as `--store` names it: a file path or a connection string.</summary>
    protected abstract string Store { get; }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing) => Folder.Dispose();
}
