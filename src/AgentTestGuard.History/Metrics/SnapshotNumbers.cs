using AgentTestGuard.History.Store;

namespace AgentTestGuard.History.Metrics;

/// <summary>
/// A snapshot's runs, variants, tests, cases, fingerprints and revisions numbered densely, and each
/// result's run and variant by number: the metrics (and the report's outcome strip) then compare a
/// million results as numbers and index arrays with them, rather than look each result's keys up in
/// dictionaries once per pass. Built once per snapshot.
/// </summary>
/// <remarks>
/// Runs are numbered by their index in <see cref="HistorySnapshot.Runs"/> (oldest first); variants,
/// tests and cases in the order the snapshot's variants enumerate, as the metrics always numbered them.
/// </remarks>
internal sealed class SnapshotNumbers
{
    public SnapshotNumbers(HistorySnapshot snapshot)
    {
        Snapshot = snapshot;
        var runs = snapshot.Runs;
        var runOfKey = new Dictionary<long, int>(runs.Count);
        RevisionOfRun = new int[runs.Count];
        var revisions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < runs.Count; i++)
        {
            runOfKey[runs[i].Key] = i;
            if (runs[i].Revision is { } revision)
            {
                RevisionOfRun[i] = Revisions;
                if (!revisions.TryAdd(revision, Revisions))
                {
                    RevisionOfRun[i] = revisions[revision];
                    continue;
                }
            }
            else
            {
                // A run without a revision is a revision of its own.
                RevisionOfRun[i] = Revisions;
            }

            Revisions++;
        }

        var count = snapshot.Variants.Count;
        var variantOfKey = new Dictionary<long, int>(count);
        var fingerprints = new Dictionary<string, int>(StringComparer.Ordinal);
        var tests = new Dictionary<(string, string), int>(count);
        var cases = new Dictionary<(int, string), int>(count);
        Variants = new TestVariant[count];
        VariantKeys = new long[count];
        FingerprintOfVariant = new int[count];
        TestOfVariant = new int[count];
        CaseOfVariant = new int[count];
        foreach (var (key, variant) in snapshot.Variants)
        {
            var at = variantOfKey.Count;
            variantOfKey[key] = at;
            Variants[at] = variant;
            VariantKeys[at] = key;
            FingerprintOfVariant[at] = Number(fingerprints, variant.Fingerprint);
            TestOfVariant[at] = Number(tests, (variant.Assembly, variant.Test));
            CaseOfVariant[at] = Number(cases, (TestOfVariant[at], variant.Case));
        }

        Tests = new (string Assembly, string Test)[tests.Count];
        foreach (var (test, number) in tests)
        {
            Tests[number] = test;
        }

        TestNumbers = tests;
        Cases = cases.Count;
        var results = snapshot.Results;
        RunOfResult = new int[results.Count];
        VariantOfResult = new int[results.Count];
        // A run's results come together: its number is looked up once per run, not per result.
        long lastRunKey = 0;
        var lastRun = -1;
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            if (lastRun < 0 || result.RunKey != lastRunKey)
            {
                lastRun = runOfKey[result.RunKey];
                lastRunKey = result.RunKey;
            }

            RunOfResult[i] = lastRun;
            VariantOfResult[i] = variantOfKey[result.VariantKey];
        }
    }

    public HistorySnapshot Snapshot { get; }

    /// <summary>Each variant by number, and its key in the store.</summary>
    public TestVariant[] Variants { get; }

    public long[] VariantKeys { get; }

    /// <summary>Each test (assembly and id) by number.</summary>
    public (string Assembly, string Test)[] Tests { get; }

    /// <summary>How many cases (test and case) the variants hold.</summary>
    public int Cases { get; }

    public int[] FingerprintOfVariant { get; }

    public int[] TestOfVariant { get; }

    public int[] CaseOfVariant { get; }

    /// <summary>Each run's revision by number; a run without one has a number of its own.</summary>
    public int[] RevisionOfRun { get; }

    /// <summary>How many revision numbers <see cref="RevisionOfRun"/> holds.</summary>
    public int Revisions { get; }

    /// <summary>Per result (index in <see cref="HistorySnapshot.Results"/>): its run's index in <see cref="HistorySnapshot.Runs"/>.</summary>
    public int[] RunOfResult { get; }

    public int[] VariantOfResult { get; }

    private Dictionary<(string, string), int> TestNumbers { get; }

    /// <summary>The test's number; false for a test no variant holds.</summary>
    public bool TryGetTest(string assembly, string test, out int number) => TestNumbers.TryGetValue((assembly, test), out number);

    private static int Number<TKey>(Dictionary<TKey, int> numbers, TKey key)
        where TKey : notnull
    {
        if (!numbers.TryGetValue(key, out var number))
        {
            number = numbers.Count;
            numbers.Add(key, number);
        }

        return number;
    }
}
