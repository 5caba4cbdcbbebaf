using System.Runtime.InteropServices;

namespace AgentTestGuard.TestingPlatform.Results;

/// <summary>
/// The results of one run, keyed by the platform's node uid. The latest result of a node wins, so
/// a test that failed and then passed on retry counts as passed, as the platform counts it.
/// The message bus hands a consumer one message at a time, and the snapshot is taken after the
/// bus has drained; the lock only makes that independent of the platform's internals.
/// </summary>
internal sealed class RunResults
{
    private readonly Dictionary<string, TestResult> _byUid = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public void Report(string uid, TestResult result)
    {
        lock (_gate)
        {
            // One lookup: every result of a run passes here.
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_byUid, uid, out var retried);
            entry = retried ? result with { Attempts = entry!.Attempts + 1 } : result;
        }
    }

    /// <summary>
    /// The results, in no particular order. Sorting a large run's results took the end of the run
    /// several milliseconds, while the run waited; each report sorts what it lists
    /// (<see cref="ReportOrder"/>), and the record does so on another thread.
    /// </summary>
    public IReadOnlyList<TestResult> Snapshot()
    {
        lock (_gate)
        {
            return [.. _byUid.Values];
        }
    }
}
