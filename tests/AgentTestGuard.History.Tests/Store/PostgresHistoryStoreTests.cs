using System.Data.Common;
using AgentTestGuard.History.Store;
using AgentTestGuard.History.Tests.TestSupport;
using Npgsql;
using Xunit;

namespace AgentTestGuard.History.Tests.Store;

public sealed class PostgresHistoryStoreTests(PostgresServer server) : HistoryStoreContract
{
    private readonly string _connectionString = server.NewDatabase();

    private protected override IHistoryStore Open() => HistoryLocation.Resolve(_connectionString, null, null, Folder.Path).Open();

    private protected override SqlDialect Dialect => PostgresDialect.Instance;

    private protected override DbConnection Connect()
    {
        var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        return connection;
    }

    [Fact]
    public void A_store_of_a_newer_schema_is_refused_with_what_to_do()
    {
        using (Open())
        {
        }

        using (var connection = new NpgsqlConnection(_connectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_version (version) VALUES (99)";
            command.ExecuteNonQuery();
        }

        var e = Assert.Throws<HistoryStoreException>(Open);
        var database = new NpgsqlConnectionStringBuilder(_connectionString).Database;
        Assert.Equal(
            $"PostgreSQL database '{database}' on 127.0.0.1:{server.Port} holds history schema 99; this AgentTestGuard reads up to schema 2. Update the tool (dotnet tool update AgentTestGuard.Tool).",
            e.Message);
    }

    [Fact]
    public void A_server_that_does_not_answer_is_named_without_the_password()
    {
        var e = Assert.Throws<HistoryStoreException>(() => HistoryLocation.Resolve("Host=127.0.0.1;Port=1;Database=agt;Username=ci;Password=secret;Timeout=2", null, null, Folder.Path).Open());

        Assert.StartsWith("PostgreSQL database 'agt' on 127.0.0.1:1 cannot be used as a history store: ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", e.Message, StringComparison.Ordinal);
    }
}
