using System.Collections.Concurrent;

namespace AgentTestGuard.TestingPlatform.Results;

/// <summary>
/// The results of one run, keyed by the platform's node uid. The latest result of a node wins, so
/// a test that failed and then passed on retry counts as passed, as the platform counts it.
/// Results arrive concurrently from the message bus.
/// </summary>
internal sealed class RunResults
{
    private readonly ConcurrentDictionary<string, TestResult> _byUid = new(StringComparer.Ordinal);

    public void Report(string uid, TestResult result)
    {
        // The first result of a node is the common case: no closure, no update loop.
        if (!_byUid.TryAdd(uid, result))
        {
            _byUid.AddOrUpdate(uid, result, (_, previous) => result with { Attempts = previous.Attempts + 1 });
        }
    }

    /// <summary>The results, ordered by id then display name so that reports are stable.</summary>
    public IReadOnlyList<TestResult> Snapshot() =>
        _byUid.Values
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ThenBy(r => r.DisplayName, StringComparer.Ordinal)
            .ToList();
}
