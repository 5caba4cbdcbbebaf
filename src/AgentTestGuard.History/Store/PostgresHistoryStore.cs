using Npgsql;

namespace AgentTestGuard.History.Store;

/// <summary>
/// The history in a PostgreSQL database, for a team: every CI agent of an organisation writes to
/// one history. Chosen by giving a connection string instead of a path (<see cref="HistoryLocation"/>).
/// </summary>
internal sealed class PostgresHistoryStore : SqlHistoryStore
{
    private PostgresHistoryStore(NpgsqlConnection connection, string description)
        : base(connection, PostgresDialect.Instance, description)
    {
    }

    public static PostgresHistoryStore Open(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new HistoryStoreException($"The history's connection string is not valid: {e.Message}", e);
        }

        // Never the password: the description goes into messages and CI logs.
        var description = $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}";
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            return new PostgresHistoryStore(connection, description);
        }
        catch (Exception e) when (e is NpgsqlException or PostgresException)
        {
            connection.Dispose();
            throw new HistoryStoreException($"{description} cannot be used as a history store: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
