using System.Data.Common;

namespace AgentTestGuard.History.Store;

/// <summary>Reads what a <see cref="HistoryQuery"/> selects, in SQL both databases run.</summary>
internal static class SnapshotReader
{
    public static HistorySnapshot Read(DbConnection connection, HistoryQuery query)
    {
        var (where, values) = Filter(query);
        var runs = ReadRuns(connection, where, values);
        if (query.LastRuns is { } last && runs.Count > last)
        {
            runs = runs.GetRange(runs.Count - last, last);
        }

        // The results of the window's runs: the window's earliest start bounds the scan, and the run keys settle it.
        var keys = runs.Select(r => r.Key).ToHashSet();
        // Every packed value first, then the results at once: a list grown result by result was
        // copied twenty times over a million results (a twentieth of the report's history under dotnet-trace).
        var packed = new List<(long Run, byte[] Results)>(runs.Count);
        if (runs.Count > 0)
        {
            var earliest = Sql.ToUnixMs(runs[0].StartedAt);
            using var command = Sql.Command(
                connection,
                null,
                $"SELECT res.run_key, res.packed FROM results res JOIN runs r ON r.run_key = res.run_key WHERE {where} AND r.started_at >= @p{values.Length}",
                [.. values, earliest]);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var run = reader.GetInt64(0);
                if (keys.Contains(run))
                {
                    packed.Add((run, (byte[])reader.GetValue(1)));
                }
            }
        }

        var results = new List<StoredResult>(packed.Sum(p => PackedResults.Count(p.Results)));
        foreach (var (run, bytes) in packed)
        {
            PackedResults.Unpack(run, bytes, results);
        }

        return new HistorySnapshot(runs, ReadVariants(connection), results, ReadFirstSeen(connection, query));
    }

    private static (string Where, object?[] Values) Filter(HistoryQuery query)
    {
        var conditions = new List<string> { "1 = 1" };
        var values = new List<object?>();
        if (query.Environments is { } environments)
        {
            var names = environments.Select((e, i) => $"@p{values.Count + i}").ToList();
            conditions.Add(names.Count == 0 ? "1 = 0" : $"r.environment IN ({string.Join(", ", names)})");
            values.AddRange(environments);
        }

        if (query.Since is { } since)
        {
            conditions.Add($"r.started_at >= @p{values.Count}");
            values.Add(Sql.ToUnixMs(since));
        }

        return (string.Join(" AND ", conditions), [.. values]);
    }

    private static List<StoredRun> ReadRuns(DbConnection connection, string where, object?[] values)
    {
        var runs = new List<StoredRun>();
        using var command = Sql.Command(
            connection,
            null,
            $"SELECT r.run_key, r.run_id, r.assembly, r.environment, r.revision, r.started_at FROM runs r WHERE {where} ORDER BY r.started_at, r.run_id",
            values);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            runs.Add(new StoredRun(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                Sql.FromUnixMs(reader.GetInt64(5))));
        }

        return runs;
    }

    private static Dictionary<long, TestVariant> ReadVariants(DbConnection connection)
    {
        var variants = new Dictionary<long, TestVariant>();
        using var command = Sql.Command(connection, null, "SELECT variant_key, assembly, test, test_case, agent, fingerprint, criteria FROM variants");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            variants[reader.GetInt64(0)] = new TestVariant(
                reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), VariantKey.SplitCriteria(reader.GetString(6)));
        }

        return variants;
    }

    private static Dictionary<(string, string), DateTimeOffset> ReadFirstSeen(DbConnection connection, HistoryQuery query)
    {
        var (where, values) = Filter(query with { Since = null });
        var seen = new Dictionary<(string, string), DateTimeOffset>();
        using var command = Sql.Command(
            connection,
            null,
            $"SELECT r.assembly, r.test, MIN(r.first_seen) FROM tests_seen r WHERE {where} GROUP BY r.assembly, r.test",
            values);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            seen[(reader.GetString(0), reader.GetString(1))] = Sql.FromUnixMs(reader.GetInt64(2));
        }

        return seen;
    }
}
