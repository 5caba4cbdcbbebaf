using Microsoft.Data.Sqlite;
using Xunit;

namespace AgentTestGuard.History.Tests.Store;

public sealed class SqliteConcurrentImportTests : ConcurrentImportContract
{
    protected override string Store => Path.Combine(Folder.Path, "history.sqlite");

    protected override void AssertIntact()
    {
        using var connection = new SqliteConnection($"Data Source={Store};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", command.ExecuteScalar());
    }
}
