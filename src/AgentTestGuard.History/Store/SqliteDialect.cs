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
            // No index on results: the metrics read every result of their window, and an index
            // would cost every import of a large suite more than it saves a read.
            "CREATE TABLE results (run_key INTEGER NOT NULL REFERENCES runs (run_key), variant_key INTEGER NOT NULL REFERENCES variants (variant_key), outcome INTEGER NOT NULL, attempts INTEGER NOT NULL)",
            "CREATE TABLE tests_seen (assembly TEXT NOT NULL, test TEXT NOT NULL, environment TEXT NOT NULL, first_seen INTEGER NOT NULL, PRIMARY KEY (assembly, test, environment))",
        ],
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

    public override void InsertResults(DbConnection connection, DbTransaction transaction, long runKey, IReadOnlyList<(long Variant, int Outcome, int Attempts)> rows)
    {
        using var command = Sql.Command(connection, transaction, "INSERT INTO results (run_key, variant_key, outcome, attempts) VALUES (@p0, @p1, @p2, @p3)", runKey, 0L, 0, 0);
        command.Prepare();
        foreach (var (variant, outcome, attempts) in rows)
        {
            command.Parameters[1].Value = variant;
            command.Parameters[2].Value = outcome;
            command.Parameters[3].Value = attempts;
            command.ExecuteNonQuery();
        }
    }
}
