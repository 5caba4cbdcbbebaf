using AgentTestGuard.Approvals;
using AgentTestGuard.Inventory;
using AgentTestGuard.TestingPlatform.Results;

namespace AgentTestGuard.TestingPlatform.Reruns;

/// <summary>A test node to run again, how long its first run took, and how many reruns it gets.</summary>
/// <param name="Duration">The sum of the durations its results reported: a node may report several (xunit's theory rows).</param>
internal sealed record RerunCandidate(string Uid, TimeSpan Duration, int Reruns);

/// <summary>
/// Which test nodes early flake detection runs again, and how many times each: every quarantined
/// (unapproved or stale) agent test that passed or failed, except those rejected for their current
/// content (already decided: nothing left to learn). Gating and approved tests are never rerun.
/// </summary>
/// <remarks>
/// The budget rule: a test gets at most <see cref="SlowTestSeconds"/> divided by its first
/// duration reruns, rounded down, at least 1, at most the number requested. A test of 10 s gets 3
/// reruns, one of a minute 1; most tests take milliseconds and get them all.
/// </remarks>
internal sealed class RerunPlan
{
    public const int SlowTestSeconds = 30;

    private readonly HashSet<string> _uids;

    private RerunPlan(IReadOnlyList<RerunCandidate> candidates, int requested)
    {
        Candidates = candidates;
        Requested = requested;
        _uids = candidates.Select(c => c.Uid).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>In the order their first results came.</summary>
    public IReadOnlyList<RerunCandidate> Candidates { get; }

    /// <summary>The reruns asked for (--agt-reruns, AgentTestGuardReruns, or the default).</summary>
    public int Requested { get; }

    public bool IsEmpty => Candidates.Count == 0;

    /// <param name="isRejected">
    /// Whether the incident log, read at run time, rejects a test for its current fingerprint; the
    /// inventory's rejections (those the build saw) count too.
    /// </param>
    public static RerunPlan Make(IReadOnlyList<TestResult> results, int requested, Func<AgentTest, bool> isRejected)
    {
        var durations = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var order = new List<string>();
        if (requested > 0)
        {
            foreach (var result in results)
            {
                if (!Qualifies(result) || result.Class.Approval == ApprovalState.Rejected || isRejected(result.Class.AgentTest!))
                {
                    continue;
                }

                if (!durations.TryGetValue(result.Uid!, out var sum))
                {
                    order.Add(result.Uid!);
                }

                durations[result.Uid!] = sum + (result.Duration ?? TimeSpan.Zero);
            }
        }

        return new RerunPlan([.. order.Select(uid => new RerunCandidate(uid, durations[uid], RerunsFor(durations[uid], requested)))], requested);
    }

    /// <summary>The budget rule (see remarks): how many reruns a test whose first run took <paramref name="duration"/> gets.</summary>
    public static int RerunsFor(TimeSpan duration, int requested)
    {
        if (duration <= TimeSpan.Zero)
        {
            return requested;
        }

        var fit = (long)Math.Floor(SlowTestSeconds / duration.TotalSeconds);
        return (int)Math.Clamp(fit, 1, requested);
    }

    /// <summary>The candidates run in round <paramref name="round"/> (1 is the first rerun).</summary>
    public IReadOnlyList<RerunCandidate> ForRound(int round) => [.. Candidates.Where(c => c.Reruns >= round)];

    /// <summary>Whether the result is one whose reruns are recorded with it.</summary>
    public bool Covers(TestResult result) => Qualifies(result) && _uids.Contains(result.Uid!);

    /// <summary>A quarantined agent test's result that says something about it: passed or failed.</summary>
    private static bool Qualifies(TestResult result) =>
        result.Class.IsQuarantined && result.Class.AgentTest is not null && result.Uid is not null
        && (result.Outcome == TestOutcome.Passed || result.Outcome.IsFailure());
}
