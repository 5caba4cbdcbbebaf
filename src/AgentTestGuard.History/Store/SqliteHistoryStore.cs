using Microsoft.Data.Sqlite;

namespace AgentTestGuard.History.Store;

/// <summary>
/// The history in one SQLite file: zero set-up, the first import creates it. Write-ahead logging
/// lets the metrics read while an import writes, and several importers take turns.
/// </summary>
internal sealed class SqliteHistoryStore : SqlHistoryStore
{
    private SqliteHistoryStore(SqliteConnection connection, string path)
        : base(connection, SqliteDialect.Instance, path)
    {
    }

    public static SqliteHistoryStore Open(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // A busy file (another importer writing) is retried for this long before failing.
            DefaultTimeout = 120,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            // Both persist in the file or cost nothing to repeat. NORMAL with write-ahead logging
            // survives a killed process (a committed import stays); only a power cut may lose the last one.
            Sql.Execute(connection, null, "PRAGMA journal_mode = WAL");
            Sql.Execute(connection, null, "PRAGMA synchronous = NORMAL");
            return new SqliteHistoryStore(connection, full);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new HistoryStoreException($"{full} cannot be used as a history store: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
