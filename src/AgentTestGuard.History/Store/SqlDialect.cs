using System.Data.Common;

namespace AgentTestGuard.History.Store;

/// <summary>What differs between the two databases; the SQL they share is in <see cref="SqlHistoryStore"/>.</summary>
internal abstract class SqlDialect
{
    /// <summary>Each schema version's statements, in order: index 0 makes version 1. Never edit a shipped one; add the next.</summary>
    public abstract IReadOnlyList<string[]> Migrations { get; }

    /// <summary>
    /// Schema 2, in both databases: a packed result's tenth byte holds what its attempts included
    /// (<see cref="Records.AttemptOutcomes"/>, from a record's reruns), zero in every older row. No
    /// table changes; the version tells an older tool, which would read that byte as part of the
    /// outcome, to refuse the store.
    /// </summary>
    public static readonly string[] ListedAttempts = [];

    /// <summary>The smaller of two values: MIN in SQLite, LEAST in PostgreSQL.</summary>
    public abstract string Least { get; }

    /// <summary>A write transaction that has the store to itself where the database needs that.</summary>
    public abstract DbTransaction BeginWrite(DbConnection connection);

    /// <summary>Holds off other processes migrating the schema until the transaction ends.</summary>
    public abstract void LockSchema(DbConnection connection, DbTransaction transaction);

    /// <summary>Adds a run's results as fast as the database allows.</summary>
    public abstract void InsertResults(DbConnection connection, DbTransaction transaction, long runKey, IReadOnlyList<ResultRow> rows);
}
