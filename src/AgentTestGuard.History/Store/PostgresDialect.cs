using System.Data.Common;

namespace AgentTestGuard.History.Store;

internal sealed class PostgresDialect : SqlDialect
{
    // Any fixed number: the advisory lock that serializes schema migrations between importers.
    private const long SchemaLock = 0x41475448; // "AGTH"

    public static PostgresDialect Instance { get; } = new();

    public override IReadOnlyList<string[]> Migrations { get; } =
    [
        [
            "CREATE TABLE runs (run_key BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, run_id TEXT NOT NULL UNIQUE, assembly TEXT NOT NULL, environment TEXT NOT NULL, revision TEXT, machine TEXT NOT NULL, started_at BIGINT NOT NULL, finished_at BIGINT NOT NULL)",
            "CREATE INDEX runs_by_start ON runs (started_at)",
            "CREATE TABLE variants (variant_key BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, assembly TEXT NOT NULL, test TEXT NOT NULL, test_case TEXT NOT NULL, agent TEXT NOT NULL, fingerprint TEXT NOT NULL, criteria TEXT NOT NULL, UNIQUE (assembly, test, test_case, agent, fingerprint, criteria))",
            // A run's results in one value (PackedResults), as in SQLite.
            "CREATE TABLE results (run_key BIGINT PRIMARY KEY REFERENCES runs (run_key), packed BYTEA NOT NULL)",
            "CREATE TABLE tests_seen (assembly TEXT NOT NULL, test TEXT NOT NULL, environment TEXT NOT NULL, first_seen BIGINT NOT NULL, PRIMARY KEY (assembly, test, environment))",
        ],
        SqlDialect.ListedAttempts,
    ];

    public override string Least => "LEAST";

    public override DbTransaction BeginWrite(DbConnection connection) => connection.BeginTransaction();

    public override void LockSchema(DbConnection connection, DbTransaction transaction) =>
        Sql.Execute(connection, transaction, "SELECT pg_advisory_xact_lock(@p0)", SchemaLock);

    public override void InsertResults(DbConnection connection, DbTransaction transaction, long runKey, IReadOnlyList<ResultRow> rows) =>
        Sql.Execute(connection, transaction, "INSERT INTO results (run_key, packed) VALUES (@p0, @p1)", runKey, PackedResults.Pack(rows));
}
