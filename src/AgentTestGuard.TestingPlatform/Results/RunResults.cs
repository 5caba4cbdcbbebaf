using System.Numerics;
using AgentTestGuard.TestingPlatform.Classification;

namespace AgentTestGuard.TestingPlatform.Results;

/// <summary>
/// The results of one run, one per platform node uid. The latest result of a node wins, so a test
/// that failed and then passed on retry counts as passed, as the platform counts it.
/// </summary>
/// <remarks>
/// Results come from the test framework's threads, which the platform lets hand a consumer one
/// message at a time; the snapshot is taken after its message bus has drained. The spin lock
/// keeps the store safe should a platform ever hand results over concurrently. It is not a
/// <c>lock</c>: in the benchmark suite's run (build/benchmark-run.sh), sampled with EventPipe's
/// profiler, entering a monitor took its slow path, about 6 ms of CPU per 10,000 results with
/// nothing to wait for; the spin lock did not show in the samples at all.
/// <para>
/// What is kept lives as long as the run, so it is kept small: results are appended, as values,
/// to blocks that are never copied again, and a node's repeated results are merged only when the
/// snapshot is taken. With a table keyed by uid holding a result object per test, the collector
/// promoted over a megabyte more while the tests ran, and a 10,000-test run made 13 or 14 gen1
/// collections in its session instead of the 11 or 12 it makes without the extension; kept this
/// way, it makes 11 or 12 (build/benchmark-run.sh's suite, one core, GC.CollectionCount).
/// </para>
/// </remarks>
internal sealed class RunResults
{
    // A block of 1,024 results (72 bytes each) stays below the 85,000 bytes at which the runtime
    // puts an array on the large object heap, whose budget, once spent, costs a full collection.
    private const int BlockSize = 1024;

    private readonly List<Reported[]> _blocks = [];
    private int _count;
    private SpinLock _gate = new(enableThreadOwnerTracking: false);

    public void Report(string uid, TestResult result)
    {
        // Made before the lock is taken: it hashes the uid.
        var reported = new Reported(uid, result);
        var taken = false;
        try
        {
            _gate.Enter(ref taken);
            var slot = _count % BlockSize;
            if (slot == 0)
            {
                _blocks.Add(new Reported[BlockSize]);
            }

            _blocks[^1][slot] = reported;
            _count++;
        }
        finally
        {
            if (taken)
            {
                _gate.Exit(useMemoryBarrier: false);
            }
        }
    }

    /// <summary>
    /// The latest result of each node, in the order the nodes first reported; a repeated result
    /// counts the attempts. Sorting a large run's results took the end of the run several
    /// milliseconds, while the run waited; each report sorts what it lists
    /// (<see cref="ReportOrder"/>), and the record does so on another thread.
    /// </summary>
    public IReadOnlyList<TestResult> Snapshot()
    {
        Reported[][] blocks;
        int count;
        var taken = false;
        try
        {
            _gate.Enter(ref taken);
            blocks = [.. _blocks];
            count = _count;
        }
        finally
        {
            if (taken)
            {
                _gate.Exit(useMemoryBarrier: false);
            }
        }

        // Results below the count are never written again, so they are read outside the lock.
        return Merge(blocks, count);
    }

    /// <summary>
    /// One result per node, finding a node's earlier result by the hash of its uid, taken when the
    /// result came. At the end of a 10,000-test run, a dictionary keyed by the uids took about 4 ms
    /// here, while the run waited: the uid strings are no longer in the processor's cache, and the
    /// runtime never optimizes the framework's generic code it runs then (README, Overhead). This
    /// table is arrays and code compiled with the extension: the snapshot takes under a millisecond.
    /// </summary>
    private static TestResult[] Merge(Reported[][] blocks, int count)
    {
        var results = new TestResult[count];

        // For each position in results, which report came first: its uid and hash are read there.
        var firstReports = new int[count];
        var kept = 0;

        // Open addressing: each slot holds a position in results plus one (0 is empty); at least
        // half the slots stay empty, so a search ends after a slot or two. A table of up to 128 KB
        // (a 16,384-test run) is kept on the stack: an array of that size goes to the large object
        // heap, whose budget, once spent, costs a full collection, here while the run waits.
        var length = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2 * count, 16));
        Span<int> slots = length <= MaxSlotsOnStack ? stackalloc int[length] : new int[length];
        var mask = slots.Length - 1;
        for (var i = 0; i < count; i++)
        {
            ref readonly var reported = ref At(blocks, i);
            for (var slot = reported.UidHash & mask; ; slot = (slot + 1) & mask)
            {
                var position = slots[slot] - 1;
                if (position < 0)
                {
                    slots[slot] = kept + 1;
                    firstReports[kept] = i;
                    results[kept++] = reported.ToResult(reported.Attempts);
                    break;
                }

                ref readonly var first = ref At(blocks, firstReports[position]);
                if (first.UidHash == reported.UidHash && string.Equals(first.Uid, reported.Uid, StringComparison.Ordinal))
                {
                    results[position] = reported.ToResult(results[position].Attempts + 1);
                    break;
                }
            }
        }

        return kept == count ? results : results[..kept];
    }

    private const int MaxSlotsOnStack = 32 * 1024;

    private static ref readonly Reported At(Reported[][] blocks, int index) => ref blocks[index / BlockSize][index % BlockSize];

    /// <summary>A result as it is kept: its fields, inline in a block, rather than an object of its own.</summary>
    private readonly record struct Reported(
        string Uid, int UidHash, string Id, string DisplayName, TestOutcome Outcome, TimeSpan? Duration, string? FailureMessage, TestClass Class, int Attempts)
    {
        public Reported(string uid, TestResult result)
            : this(uid, uid.GetHashCode(StringComparison.Ordinal), result.Id, result.DisplayName, result.Outcome, result.Duration, result.FailureMessage, result.Class, result.Attempts)
        {
        }

        public TestResult ToResult(int attempts) => new(Id, DisplayName, Outcome, Duration, FailureMessage, Class, attempts);
    }
}
