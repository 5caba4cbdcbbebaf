using AgentTestGuard.TestingPlatform.Classification;

namespace AgentTestGuard.TestingPlatform.Results;

/// <summary>
/// Every result of one run, in the order they came. Nothing is merged: a test node's uid does not
/// name one result. xunit v3 reports every row of a theory it did not enumerate at discovery
/// (<c>DisableDiscoveryEnumeration</c>, data it cannot serialize) under the theory's one uid, with
/// the row in the display name, and two rows may even share a display name; the platform counts
/// each of those results, and so does the package. A retry extension (Microsoft.Testing.Extensions.Retry)
/// does not report a test twice in one process: it starts the test host again for the failed tests,
/// and each attempt is a run of its own (docs/run-time.md, Retries).
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
/// to blocks that are never copied again. With a result object kept per test, the collector
/// promoted over a megabyte more while the tests ran, and a 10,000-test run made 13 or 14 gen1
/// collections in its session instead of the 11 or 12 it makes without the extension; kept this
/// way, it makes 11 or 12 (build/benchmark-run.sh's suite, one core, GC.CollectionCount).
/// </para>
/// </remarks>
internal sealed class RunResults
{
    // A block of 1,024 results stays below the 85,000 bytes at which the runtime puts an array on
    // the large object heap, whose budget, once spent, costs a full collection.
    private const int BlockSize = 1024;

    private readonly List<Reported[]> _blocks = [];
    private int _count;
    private SpinLock _gate = new(enableThreadOwnerTracking: false);

    public void Report(TestResult result)
    {
        var reported = new Reported(result);
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
    /// Every result, in the order they were reported. Sorting a large run's results took the end of
    /// the run several milliseconds, while the run waited; each report sorts what it lists
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
        var results = new TestResult[count];
        for (var i = 0; i < count; i++)
        {
            results[i] = blocks[i / BlockSize][i % BlockSize].ToResult();
        }

        return results;
    }

    /// <summary>A result as it is kept: its fields, inline in a block, rather than an object of its own.</summary>
    private readonly record struct Reported(
        string Id, string DisplayName, TestOutcome Outcome, TimeSpan? Duration, string? FailureMessage, TestClass Class, int Attempts, string? Uid)
    {
        public Reported(TestResult result)
            : this(result.Id, result.DisplayName, result.Outcome, result.Duration, result.FailureMessage, result.Class, result.Attempts, result.Uid)
        {
        }

        public TestResult ToResult() => new(Id, DisplayName, Outcome, Duration, FailureMessage, Class, Attempts) { Uid = Uid };
    }
}
