using System.Runtime.InteropServices;

namespace AgentTestGuard.TestingPlatform.Results;

/// <summary>
/// The results of one run, keyed by the platform's node uid. The latest result of a node wins, so
/// a test that failed and then passed on retry counts as passed, as the platform counts it.
/// </summary>
/// <remarks>
/// Results come from the test framework's threads, which the platform lets hand a consumer one
/// message at a time; the snapshot is taken after its message bus has drained. The spin lock
/// keeps the table safe should a platform ever hand results over concurrently. It is not a
/// <c>lock</c>: in the benchmark suite's run (build/benchmark-run.sh), sampled with EventPipe's
/// profiler, entering a monitor took its slow path, about 6 ms of CPU per 10,000 results with
/// nothing to wait for; the spin lock did not show in the samples at all.
/// </remarks>
internal sealed class RunResults
{
    private readonly Dictionary<string, TestResult> _byUid = new(StringComparer.Ordinal);
    private SpinLock _gate = new(enableThreadOwnerTracking: false);

    public void Report(string uid, TestResult result)
    {
        var taken = false;
        try
        {
            _gate.Enter(ref taken);

            // One lookup: every result of a run passes here.
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_byUid, uid, out var retried);
            entry = retried ? result with { Attempts = entry!.Attempts + 1 } : result;
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
    /// The results, in no particular order. Sorting a large run's results took the end of the run
    /// several milliseconds, while the run waited; each report sorts what it lists
    /// (<see cref="ReportOrder"/>), and the record does so on another thread.
    /// </summary>
    public IReadOnlyList<TestResult> Snapshot()
    {
        var taken = false;
        try
        {
            _gate.Enter(ref taken);
            return [.. _byUid.Values];
        }
        finally
        {
            if (taken)
            {
                _gate.Exit(useMemoryBarrier: false);
            }
        }
    }
}
