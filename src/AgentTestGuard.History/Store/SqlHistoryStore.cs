using System.Data.Common;
using AgentTestGuard.History.Records;

namespace AgentTestGuard.History.Store;

/// <summary>
/// The store's writing, in SQL both databases run. Tables (see the dialects' migrations): runs, one
/// row per run record; variants, one row per test case at a fingerprint; results, one small row per
/// result referring to both; tests_seen, when each test was first seen per environment.
/// </summary>
internal abstract class SqlHistoryStore : IHistoryStore
{
    private readonly SqlDialect _dialect;

    // Keys of variants and first sightings known to be committed, so that a run of a suite already
    // seen costs one statement per run rather than one per test. Loaded on the first import.
    private Dictionary<VariantKey, long>? _variants;
    private Dictionary<(string Assembly, string Test, string Environment), long>? _firstSeen;

    protected SqlHistoryStore(DbConnection connection, SqlDialect dialect, string description)
    {
        Connection = connection;
        _dialect = dialect;
        Description = description;
        SchemaMigrator.Migrate(connection, dialect, description);
    }

    public string Description { get; }

    protected DbConnection Connection { get; }

    public bool Add(RecordedRun run)
    {
        LoadCaches();
        using var transaction = _dialect.BeginWrite(Connection);
        var runKey = Sql.Scalar(
            Connection,
            transaction,
            "INSERT INTO runs (run_id, assembly, environment, revision, machine, started_at, finished_at) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6) ON CONFLICT (run_id) DO NOTHING RETURNING run_key",
            run.RunId, run.Assembly, run.Environment, run.Revision, run.Machine, Sql.ToUnixMs(run.StartedAt), Sql.ToUnixMs(run.FinishedAt));
        if (runKey is null)
        {
            transaction.Rollback();
            return false;
        }

        var newVariants = AddVariants(run, transaction);
        var rows = new List<ResultRow>(run.Results.Count);
        foreach (var result in run.Results)
        {
            var key = VariantKey.Of(run.Assembly, result);
            rows.Add(new ResultRow(VariantKeyOf(key, transaction, newVariants), result.Outcome, result.Attempts, result.Listed));
        }

        _dialect.InsertResults(Connection, transaction, Convert.ToInt64(runKey, System.Globalization.CultureInfo.InvariantCulture), rows);
        var sightings = RecordFirstSightings(run, transaction);
        transaction.Commit();

        // Only now are the new keys real: a rolled-back import must not leave keys behind.
        foreach (var (key, value) in newVariants)
        {
            _variants![key] = value;
        }

        foreach (var (test, at) in sightings)
        {
            _firstSeen![test] = at;
        }

        return true;
    }

    public bool Contains(string runId) =>
        Sql.Scalar(Connection, null, "SELECT 1 FROM runs WHERE run_id = @p0", runId) is not null;

    public HistorySnapshot Read(HistoryQuery query) => SnapshotReader.Read(Connection, query);

    public void Dispose() => Connection.Dispose();

    /// <summary>
    /// A run of a new suite brings thousands of new variants at once: they are added in a few
    /// statements of many rows each and then read back together, rather than two statements each
    /// (build/benchmark-history.sh: 10,000 new variants cost the PostgreSQL import several seconds one by one).
    /// </summary>
    private Dictionary<VariantKey, long> AddVariants(RecordedRun run, DbTransaction transaction)
    {
        var added = new Dictionary<VariantKey, long>();
        var unknown = run.Results.Select(r => VariantKey.Of(run.Assembly, r)).Where(k => !_variants!.ContainsKey(k)).Distinct().ToList();
        if (unknown.Count < ManyVariants)
        {
            return added;
        }

        // In a stable order, so that two importers lock the same rows in the same order.
        // Field by field: building a string per comparison cost a fifth of a new suite's first import.
        unknown.Sort((a, b) =>
        {
            var order = string.CompareOrdinal(a.Test, b.Test);
            order = order != 0 ? order : string.CompareOrdinal(a.Case, b.Case);
            order = order != 0 ? order : string.CompareOrdinal(a.Fingerprint, b.Fingerprint);
            order = order != 0 ? order : string.CompareOrdinal(a.Agent, b.Agent);
            return order != 0 ? order : string.CompareOrdinal(a.Criteria, b.Criteria);
        });
        using (var batches = new RowBatches(Connection, transaction, "INSERT INTO variants (assembly, test, test_case, agent, fingerprint, criteria)", 6, "ON CONFLICT DO NOTHING"))
        {
            batches.Write(unknown, k => [k.Assembly, k.Test, k.Case, k.Agent, k.Fingerprint, k.Criteria]);
        }

        using var command = Sql.Command(Connection, transaction, "SELECT variant_key, assembly, test, test_case, agent, fingerprint, criteria FROM variants WHERE assembly = @p0", run.Assembly);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var key = new VariantKey(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6));
            if (!_variants!.ContainsKey(key))
            {
                added[key] = reader.GetInt64(0);
            }
        }

        return added;
    }

    // Fewer new variants than this are added one by one: reading back all of an assembly's would cost more.
    private const int ManyVariants = 100;

    private long VariantKeyOf(VariantKey key, DbTransaction transaction, Dictionary<VariantKey, long> added)
    {
        if (_variants!.TryGetValue(key, out var known) || added.TryGetValue(key, out known))
        {
            return known;
        }

        // Another process may add the same variant at the same time: whoever is second reads the first's key.
        Sql.Execute(
            Connection,
            transaction,
            "INSERT INTO variants (assembly, test, test_case, agent, fingerprint, criteria) VALUES (@p0, @p1, @p2, @p3, @p4, @p5) ON CONFLICT DO NOTHING",
            key.Assembly, key.Test, key.Case, key.Agent, key.Fingerprint, key.Criteria);
        var value = Convert.ToInt64(
            Sql.Scalar(
                Connection,
                transaction,
                "SELECT variant_key FROM variants WHERE assembly = @p0 AND test = @p1 AND test_case = @p2 AND agent = @p3 AND fingerprint = @p4 AND criteria = @p5",
                key.Assembly, key.Test, key.Case, key.Agent, key.Fingerprint, key.Criteria),
            System.Globalization.CultureInfo.InvariantCulture);
        added[key] = value;
        return value;
    }

    private List<((string, string, string) Test, long At)> RecordFirstSightings(RecordedRun run, DbTransaction transaction)
    {
        var at = Sql.ToUnixMs(run.StartedAt);
        var sightings = new List<((string, string, string), long)>();
        // Only tests not known to be seen as early; in a stable order, so that two importers lock
        // the same rows in the same order.
        var unknown = run.Results
            .Select(r => r.Test)
            .Where(test => !(_firstSeen!.TryGetValue((run.Assembly, test, run.Environment), out var seen) && seen <= at))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        // Many rows a statement: a new suite's first run brings thousands of first sightings.
        using var batches = new RowBatches(
            Connection,
            transaction,
            "INSERT INTO tests_seen (assembly, test, environment, first_seen)",
            4,
            $"ON CONFLICT (assembly, test, environment) DO UPDATE SET first_seen = {_dialect.Least}(tests_seen.first_seen, excluded.first_seen) RETURNING test, first_seen");
        batches.Write(
            unknown,
            test => [run.Assembly, test, run.Environment, at],
            reader => sightings.Add(((run.Assembly, reader.GetString(0), run.Environment), reader.GetInt64(1))));

        return sightings;
    }

    private void LoadCaches()
    {
        if (_variants is not null)
        {
            return;
        }

        _variants = [];
        using (var command = Sql.Command(Connection, null, "SELECT variant_key, assembly, test, test_case, agent, fingerprint, criteria FROM variants"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                _variants[new VariantKey(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6))] = reader.GetInt64(0);
            }
        }

        _firstSeen = [];
        using (var command = Sql.Command(Connection, null, "SELECT assembly, test, environment, first_seen FROM tests_seen"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                _firstSeen[(reader.GetString(0), reader.GetString(1), reader.GetString(2))] = reader.GetInt64(3);
            }
        }
    }
}
