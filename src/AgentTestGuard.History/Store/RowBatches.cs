using System.Data.Common;

namespace AgentTestGuard.History.Store;

/// <summary>
/// Writes many rows with statements of many rows each ("VALUES (...), (...), ..."), making each
/// statement's command once and running it again with the next rows' values: a new suite's first
/// run brings thousands of variants and first sightings, and building and compiling a statement
/// of 900 values for each chunk cost most of that import (build/benchmark-history.sh).
/// </summary>
internal sealed class RowBatches(DbConnection connection, DbTransaction transaction, string head, int columns, string tail) : IDisposable
{
    // Six values a row: well under both databases' limits on values per statement.
    public const int RowsPerStatement = 150;

    private readonly Dictionary<int, DbCommand> _commands = [];

    /// <param name="read">Reads what a statement returns (its RETURNING clause); null for none.</param>
    public void Write<T>(IReadOnlyList<T> rows, Func<T, object?[]> values, Action<DbDataReader>? read = null)
    {
        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, rows.Count - start);
            var command = CommandFor(count);
            for (var row = 0; row < count; row++)
            {
                var rowValues = values(rows[start + row]);
                for (var column = 0; column < columns; column++)
                {
                    command.Parameters[(row * columns) + column].Value = rowValues[column] ?? DBNull.Value;
                }
            }

            if (read is null)
            {
                command.ExecuteNonQuery();
                continue;
            }

            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                read(reader);
            }
        }
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
    }

    private DbCommand CommandFor(int rows)
    {
        if (_commands.TryGetValue(rows, out var command))
        {
            return command;
        }

        var placeholders = Enumerable.Range(0, rows)
            .Select(row => "(" + string.Join(", ", Enumerable.Range(row * columns, columns).Select(i => $"@p{i}")) + ")");
        command = Sql.Command(connection, transaction, $"{head} VALUES {string.Join(", ", placeholders)} {tail}", new object?[rows * columns]);
        command.Prepare();
        _commands[rows] = command;
        return command;
    }
}
