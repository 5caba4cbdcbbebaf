using System.Buffers.Binary;
using System.Data.Common;
using System.Globalization;
using AgentTestGuard.History.Import;
using AgentTestGuard.History.Records;
using AgentTestGuard.History.Store;
using AgentTestGuard.History.Tests.TestSupport;
using Xunit;

namespace AgentTestGuard.History.Tests.Store;

/// <summary>A store written by an older tool is upgraded in place, and what it held keeps its meaning.</summary>
public abstract partial class HistoryStoreContract
{
    /// <summary>The store's dialect, whose first migration makes a schema 1 store.</summary>
    private protected abstract SqlDialect Dialect { get; }

    /// <summary>A connection of its own to the store under test (a fresh one: the store may not exist yet).</summary>
    private protected abstract DbConnection Connect();

    [Fact]
    public void A_store_of_schema_1_is_upgraded_in_place_and_its_results_keep_their_meaning()
    {
        using (var connection = Connect())
        {
            SchemaMigrator.Migrate(connection, new FirstSchemaOnly(Dialect), "schema 1");
            WriteAsSchema1(connection);
        }

        using var store = Open();
        var rerun = Folder.Write("new.agentrun.json", Runs.Json(
            "22222222222222222222222222222222", Runs.Start.AddDays(1), "r2", new T("Shop.Tests.A.Retried", "passed", Reruns: ["passed", "passed"])));
        Assert.Equal(1, HistoryImporter.Import(store, [rerun]).Added);
        var snapshot = store.Read(HistoryQuery.CiRuns);

        using (var connection = Connect())
        {
            Assert.Equal(2, Convert.ToInt32(Sql.Scalar(connection, null, "SELECT MAX(version) FROM schema_version"), CultureInfo.InvariantCulture));
        }

        Assert.Equal(["11111111111111111111111111111111", "22222222222222222222222222222222"], snapshot.Runs.Select(r => r.RunId));
        // Schema 1's pass after 2 attempts passed after failing; the new run's 3 passing attempts did not fail.
        Assert.Equal(
            ["Passed|2|None|True|True", "Passed|3|Listed, Passed|True|False"],
            snapshot.Results.OrderBy(r => r.RunKey).Select(r => $"{r.Outcome}|{r.Attempts}|{r.Listed}|{r.PassedInRun}|{r.FailedInRun}"));
        Assert.Equal(Runs.Start, snapshot.FirstSeen[("Shop.Tests", "Shop.Tests.A.Retried")]);
    }

    // What schema 1's tool wrote for one run: a pass after 2 attempts, its outcome packed in two bytes.
    private static void WriteAsSchema1(DbConnection connection)
    {
        var at = Sql.ToUnixMs(Runs.Start);
        Sql.Execute(
            connection,
            null,
            "INSERT INTO runs (run_id, assembly, environment, revision, machine, started_at, finished_at) VALUES ('11111111111111111111111111111111', 'Shop.Tests', 'ci', 'r1', 'build-01', @p0, @p1)",
            at,
            at + 2000);
        Sql.Execute(connection, null, "INSERT INTO variants (assembly, test, test_case, agent, fingerprint, criteria) VALUES ('Shop.Tests', 'Shop.Tests.A.Retried', '', 'copilot', 'f1', 'CART-1')");
        Sql.Execute(connection, null, "INSERT INTO tests_seen (assembly, test, environment, first_seen) VALUES ('Shop.Tests', 'Shop.Tests.A.Retried', 'ci', @p0)", at);
        var run = Convert.ToInt64(Sql.Scalar(connection, null, "SELECT run_key FROM runs"), CultureInfo.InvariantCulture);
        var variant = Convert.ToInt64(Sql.Scalar(connection, null, "SELECT variant_key FROM variants"), CultureInfo.InvariantCulture);
        var packed = new byte[12];
        BinaryPrimitives.WriteInt64LittleEndian(packed, variant);
        BinaryPrimitives.WriteUInt16LittleEndian(packed.AsSpan(8), (ushort)Outcome.Passed);
        BinaryPrimitives.WriteUInt16LittleEndian(packed.AsSpan(10), 2);
        Sql.Execute(connection, null, "INSERT INTO results (run_key, packed) VALUES (@p0, @p1)", run, packed);
    }
}
