using System.Data.Common;
using AgentTestGuard.History.Store;

namespace AgentTestGuard.History.Tests.TestSupport;

/// <summary>A dialect that knows only schema 1: makes a store as the first released tool did.</summary>
internal sealed class FirstSchemaOnly(SqlDialect dialect) : SqlDialect
{
    public override IReadOnlyList<string[]> Migrations => [dialect.Migrations[0]];

    public override string Least => dialect.Least;

    public override DbTransaction BeginWrite(DbConnection connection) => dialect.BeginWrite(connection);

    public override void LockSchema(DbConnection connection, DbTransaction transaction) => dialect.LockSchema(connection, transaction);

    public override void InsertResults(DbConnection connection, DbTransaction transaction, long runKey, IReadOnlyList<ResultRow> rows) =>
        dialect.InsertResults(connection, transaction, runKey, rows);
}
