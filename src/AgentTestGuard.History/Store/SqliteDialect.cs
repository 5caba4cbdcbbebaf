using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace AgentTestGuard.History.Store;

internal sealed class SqliteDialect : SqlDialect
{
    public static SqliteDialect Instance { get; } = new();

    public override IReadOnlyList<string[]> Migrations { get; } =
    [
        [
            "CREATE TABLE runs (run_key INTEGER PRIMARY KEY, run_id TEXT NOT NULL UNIQUE, assembly TEXT NOT NULL, environment TEXT NOT NULL, revision TEXT, machine TEXT NOT NULL, started_at INTEGER NOT NULL, finished_at INTEGER NOT NULL)",
            "CREATE INDEX runs_by_start ON runs (started_at)",
            "CREATE TABLE variants (variant_key INTEGER PRIMARY KEY, assembly TEXT NOT NULL, test TEXT NOT NULL, test_case TEXT NOT NULL, agent TEXT NOT NULL, fingerprint TEXT NOT NULL, criteria TEXT NOT NULL, UNIQUE (assembly, test, test_case, agent, fingerprint, criteria))",
            // A run's results in one value (PackedResults): the metrics read every result of their window.
            "CREATE TABLE results (run_key INTEGER PRIMARY KEY REFERENCES runs (run_key), packed BLOB NOT NULL)",
            "CREATE TABLE tests_seen (assembly TEXT NOT NULL, test TEXT NOT NULL, environment TEXT NOT NULL, first_seen INTEGER NOT NULL, PRIMARY KEY (assembly, test, environment))",
        ],
        SqlDialect.ListedAttempts,
    ];

    public override string Least => "MIN";

    // BEGIN IMMEDIATE: the writer takes the file's write lock at once, and others wait for it
    // (the provider retries a busy file until the command timeout) instead of failing on upgrade.
    public override DbTransaction BeginWrite(DbConnection connection) =>
        ((SqliteConnection)connection).BeginTransaction(deferred: false);

    public override void LockSchema(DbConnection connection, DbTransaction transaction)
    {
        // BEGIN IMMEDIATE already holds every other writer off.
    }

    public override void InsertResults(DbConnection connection, DbTransaction transaction, long runKey, IReadOnlyList<ResultRow> rows) =>
        Sql.Execute(connection, transaction, "INSERT INTO results (run_key, packed) VALUES (@p0, @p1)", runKey, PackedResults.Pack(rows));
}
