using AgentTestGuard.History.Records;

namespace AgentTestGuard.History.Store;

/// <summary>
/// Where the history is kept: an SQLite file (<see cref="SqliteHistoryStore"/>) or a PostgreSQL
/// database (<see cref="PostgresHistoryStore"/>), chosen by <see cref="HistoryLocation.Open"/>. Both
/// give the same answers; one test suite runs against both.
/// </summary>
internal interface IHistoryStore : IDisposable
{
    /// <summary>What the store is, for messages: the file, or the server and database (never a password).</summary>
    string Description { get; }

    /// <summary>
    /// Stores a run in one transaction: a process killed half-way leaves the store as it was, and
    /// the import can be repeated.
    /// </summary>
    /// <returns>false, changing nothing, when a run with the same id is already stored.</returns>
    bool Add(RecordedRun run);

    /// <summary>Whether a run with this id is stored: a repeated import skips the record without reading it whole.</summary>
    bool Contains(string runId);

    /// <summary>The runs the query selects, their results, and when each test was first seen.</summary>
    HistorySnapshot Read(HistoryQuery query);
}
