using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

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
            // No index on results: as in SQLite (SqliteDialect).
            "CREATE TABLE results (run_key BIGINT NOT NULL REFERENCES runs (run_key), variant_key BIGINT NOT NULL REFERENCES variants (variant_key), outcome INTEGER NOT NULL, attempts INTEGER NOT NULL)",
            "CREATE TABLE tests_seen (assembly TEXT NOT NULL, test TEXT NOT NULL, environment TEXT NOT NULL, first_seen BIGINT NOT NULL, PRIMARY KEY (assembly, test, environment))",
        ],
    ];

    public override string Least => "LEAST";

    public override DbTransaction BeginWrite(DbConnection connection) => connection.BeginTransaction();

    public override void LockSchema(DbConnection connection, DbTransaction transaction) =>
        Sql.Execute(connection, transaction, "SELECT pg_advisory_xact_lock(@p0)", SchemaLock);

    // COPY in binary: a 10,000-test run in one round trip instead of 10,000.
    public override void InsertResults(DbConnection connection, DbTransaction transaction, long runKey, IReadOnlyList<(long Variant, int Outcome, int Attempts)> rows)
    {
        using var writer = ((NpgsqlConnection)connection).BeginBinaryImport("COPY results (run_key, variant_key, outcome, attempts) FROM STDIN (FORMAT BINARY)");
        foreach (var (variant, outcome, attempts) in rows)
        {
            writer.StartRow();
            writer.Write(runKey, NpgsqlDbType.Bigint);
            writer.Write(variant, NpgsqlDbType.Bigint);
            writer.Write(outcome, NpgsqlDbType.Integer);
            writer.Write(attempts, NpgsqlDbType.Integer);
        }

        writer.Complete();
    }
}
