using AgentTestGuard.History.Store;
using AgentTestGuard.Tool.Git;

namespace AgentTestGuard.Tool.History;

/// <summary>
/// When each test was first seen (docs/metrics.md): the earlier of the commit that added it, when
/// git history is available, and its first run record. A test is usually committed before its first
/// CI run; where a squash merge commits it after the runs of its branch, the run came first.
/// </summary>
internal static class FirstSight
{
    public static HistorySnapshot WithCommits(HistorySnapshot snapshot, string root)
    {
        if (snapshot.FirstSeen.Count == 0 || TestIntroductions.Find(root, snapshot.FirstSeen.Keys.Select(k => k.Test)) is not { } added)
        {
            return snapshot;
        }

        return snapshot with
        {
            FirstSeen = snapshot.FirstSeen.ToDictionary(
                p => p.Key,
                p => added.TryGetValue(p.Key.Test, out var commit) && commit < p.Value ? commit : p.Value),
        };
    }
}
