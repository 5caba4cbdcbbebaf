namespace AgentTestGuard.History.Metrics;

/// <summary>
/// Whether each (fingerprint, revision) group of one test case passed, failed or both, in one run
/// (its reruns or retries) or across runs: both makes the group flaky (docs/metrics.md). A run
/// without a revision is a group of its own: only its reruns or retries can show flakiness.
/// </summary>
/// <remarks>
/// A group is a place in one array reused case after case: the case's fingerprints numbered among
/// themselves (a case has few) times the snapshot's revisions, plus its revision. Only the places a
/// case marked are cleared after it.
/// </remarks>
internal sealed class RunOutcomeGroups
{
    private const byte Passed = 1;
    private const byte Failed = 2;

    private readonly SnapshotNumbers _numbers;
    private readonly int[] _fingerprintInCase;
    private readonly byte[] _seen;

    public RunOutcomeGroups(SnapshotNumbers numbers)
    {
        _numbers = numbers;
        // Each variant's fingerprint numbered among those of its case, in the variants' order.
        _fingerprintInCase = new int[numbers.Variants.Length];
        var fingerprintsOfCase = new int[numbers.Cases];
        var numbered = new Dictionary<(int Case, int Fingerprint), int>(numbers.Variants.Length);
        var most = 1;
        for (var variant = 0; variant < numbers.Variants.Length; variant++)
        {
            var key = (numbers.CaseOfVariant[variant], numbers.FingerprintOfVariant[variant]);
            if (!numbered.TryGetValue(key, out var number))
            {
                number = fingerprintsOfCase[key.Item1]++;
                numbered.Add(key, number);
                most = Math.Max(most, number + 1);
            }

            _fingerprintInCase[variant] = number;
        }

        _seen = new byte[most * Math.Max(1, numbers.Revisions)];
    }

    /// <summary>Marks what each group of a case's observations saw.</summary>
    public void Mark(ReadOnlySpan<RunOutcomes.Observation> observations)
    {
        foreach (var seen in observations)
        {
            _seen[Place(seen)] |= (byte)((seen.Passed ? Passed : 0) | (seen.Failed ? Failed : 0));
        }
    }

    /// <summary>The observation's group both passed and failed.</summary>
    public bool Flaky(RunOutcomes.Observation seen) => _seen[Place(seen)] == (Passed | Failed);

    /// <summary>Forgets the case's marks, for the next case.</summary>
    public void Clear(ReadOnlySpan<RunOutcomes.Observation> observations)
    {
        foreach (var seen in observations)
        {
            _seen[Place(seen)] = 0;
        }
    }

    private int Place(RunOutcomes.Observation seen) =>
        (_fingerprintInCase[seen.Variant] * _numbers.Revisions) + _numbers.RevisionOfRun[seen.Run];
}
