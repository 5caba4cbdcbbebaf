using System.Data.Common;
using System.Globalization;

namespace AgentTestGuard.History.Store;

/// <summary>
/// Brings a store's schema to the version this tool knows, in one transaction that other processes
/// wait for: the first import creates the store, and eight importers starting at once agree.
/// </summary>
internal static class SchemaMigrator
{
    public static void Migrate(DbConnection connection, SqlDialect dialect, string description)
    {
        var latest = dialect.Migrations.Count;
        using var transaction = dialect.BeginWrite(connection);
        dialect.LockSchema(connection, transaction);
        Sql.Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        var current = Convert.ToInt32(Sql.Scalar(connection, transaction, "SELECT MAX(version) FROM schema_version") ?? 0, CultureInfo.InvariantCulture);
        if (current > latest)
        {
            throw new HistoryStoreException(
                $"{description} holds history schema {current}; this AgentTestGuard reads up to schema {latest}. Update the tool (dotnet tool update AgentTestGuard.Tool).");
        }

        for (var version = current + 1; version <= latest; version++)
        {
            foreach (var statement in dialect.Migrations[version - 1])
            {
                Sql.Execute(connection, transaction, statement);
            }

            Sql.Execute(connection, transaction, "INSERT INTO schema_version (version) VALUES (@p0)", version);
        }

        transaction.Commit();
    }
}
