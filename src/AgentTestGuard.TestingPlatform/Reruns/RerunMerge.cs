using AgentTestGuard.TestingPlatform.Results;

namespace AgentTestGuard.TestingPlatform.Reruns;

/// <summary>
/// Adds each round's results to the run's first results as reruns. A rerun belongs to the first
/// result with the same node uid and display name: a node may report several results (xunit's
/// theory rows it did not enumerate at discovery), told apart by their display names; results that
/// share both are matched in the order they came. The first result's outcome, duration and message
/// stay as the platform reported them: the verdict is the first attempt's.
/// </summary>
internal static class RerunMerge
{
    public static IReadOnlyList<TestResult> Merge(IReadOnlyList<TestResult> results, RerunPlan plan, IReadOnlyList<IReadOnlyList<RerunResult>> rounds)
    {
        var byRound = rounds.Select(Index).ToList();
        var merged = new TestResult[results.Count];
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            if (!plan.Covers(result))
            {
                merged[i] = result;
                continue;
            }

            var attempts = new List<RerunAttempt>(byRound.Count);
            foreach (var round in byRound)
            {
                if (round.TryGetValue((result.Uid!, result.DisplayName), out var same) && same.TryDequeue(out var rerun))
                {
                    attempts.Add(rerun.ToAttempt());
                }
            }

            merged[i] = attempts.Count == 0 ? result : result with { Attempts = 1 + attempts.Count, Reruns = attempts };
        }

        return merged;
    }

    private static Dictionary<(string Uid, string DisplayName), Queue<RerunResult>> Index(IReadOnlyList<RerunResult> round)
    {
        var index = new Dictionary<(string, string), Queue<RerunResult>>();
        foreach (var result in round)
        {
            var key = (result.Uid, result.DisplayName);
            if (!index.TryGetValue(key, out var queue))
            {
                index[key] = queue = new Queue<RerunResult>();
            }

            queue.Enqueue(result);
        }

        return index;
    }
}
