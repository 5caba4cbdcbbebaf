using System.Data.Common;
using AgentTestGuard.History.Store;
using Microsoft.Data.Sqlite;
using Xunit;

namespace AgentTestGuard.History.Tests.Store;

public sealed class SqliteHistoryStoreTests : HistoryStoreContract
{
    private string StorePath => Path.Combine(Folder.Path, ".agenttestguard", "history.sqlite");

    private protected override IHistoryStore Open() => new HistoryLocation(StorePath, "test").Open();

    private protected override SqlDialect Dialect => SqliteDialect.Instance;

    private protected override DbConnection Connect()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StorePath)!);
        var connection = new SqliteConnection($"Data Source={StorePath};Pooling=False");
        connection.Open();
        return connection;
    }

    [Fact]
    public void The_first_import_creates_the_file_and_its_folder()
    {
        Assert.False(File.Exists(StorePath));
        Assert.False(new HistoryLocation(StorePath, "test").Exists);

        using (Open())
        {
        }

        Assert.True(File.Exists(StorePath));
        Assert.True(new HistoryLocation(StorePath, "test").Exists);
    }

    [Fact]
    public void A_store_of_a_newer_schema_is_refused_with_what_to_do()
    {
        using (Open())
        {
        }

        using (var connection = new SqliteConnection($"Data Source={StorePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_version (version) VALUES (99)";
            command.ExecuteNonQuery();
        }

        var e = Assert.Throws<HistoryStoreException>(Open);
        Assert.Equal(
            $"{StorePath} holds history schema 99; this AgentTestGuard reads up to schema 2. Update the tool (dotnet tool update AgentTestGuard.Tool).",
            e.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_with_its_path()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StorePath)!);
        File.WriteAllText(StorePath, "not a database, just text that is long enough to be read as a header page");

        var e = Assert.Throws<HistoryStoreException>(Open);
        Assert.StartsWith($"{StorePath} cannot be used as a history store: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_location_comes_from_the_option_then_the_variable_then_the_policy_then_the_default()
    {
        var root = Folder.Path;

        Assert.Equal(new HistoryLocation(Path.Combine(root, "o.sqlite"), "--store"), HistoryLocation.Resolve("o.sqlite", "e.sqlite", "p.sqlite", root));
        Assert.Equal(new HistoryLocation(Path.Combine(root, "e.sqlite"), HistoryLocation.EnvironmentVariable), HistoryLocation.Resolve(null, "e.sqlite", "p.sqlite", root));
        Assert.Equal(new HistoryLocation(Path.Combine(root, "p.sqlite"), "the policy's historyStore"), HistoryLocation.Resolve(" ", "", "p.sqlite", root));
        Assert.Equal(new HistoryLocation(Path.Combine(root, ".agenttestguard", "history.sqlite"), "the default"), HistoryLocation.Resolve(null, null, null, root));
        var postgres = HistoryLocation.Resolve("Host=db;Database=agt", null, null, root);
        Assert.Equal(("Host=db;Database=agt", true), (postgres.Value, postgres.IsConnectionString));
    }
}
