using AgentTestGuard.Approvals;
using AgentTestGuard.Incidents;
using AgentTestGuard.Inventory;
using AgentTestGuard.InventoryFormat;

namespace AgentTestGuard.Tool.Workspace;

/// <summary>
/// A project's agent tests, one row per test however many target frameworks it is built for: the
/// first framework's inventory stands for the test, and a fingerprint that differs between
/// frameworks is kept on the row, so that approve can refuse to pick one.
/// </summary>
internal static class AgentTestRows
{
    public static IEnumerable<AgentTestRow> Of(TestProject project, IReadOnlyList<Incident> incidents)
    {
        var byId = new Dictionary<string, (InventoryDocument Inventory, AgentTest Test, List<FrameworkFingerprint> Fingerprints)>(StringComparer.Ordinal);
        foreach (var framework in project.Inventories)
        {
            var inventory = InventoryFile.Read(framework.File);
            foreach (var test in inventory.Tests)
            {
                if (!byId.TryGetValue(test.Id, out var entry))
                {
                    entry = (inventory, test, []);
                    byId.Add(test.Id, entry);
                }

                entry.Fingerprints.Add(new FrameworkFingerprint(framework.Framework, test.Fingerprint));
            }
        }

        foreach (var (inventory, test, fingerprints) in byId.Values)
        {
            var state = test.Approval?.State ?? ApprovalState.Unapproved;
            var rejected = state == ApprovalState.Rejected
                || IncidentLog.CurrentRejection(incidents, inventory.Assembly, test.Id, test.Fingerprint) is not null;
            var differ = fingerprints.Select(f => f.Fingerprint).Distinct(StringComparer.Ordinal).Skip(1).Any();
            yield return new AgentTestRow(project, test, state, rejected, differ ? fingerprints : null);
        }
    }
}

/// <summary>The fingerprint one target framework's build gave a test.</summary>
internal sealed record FrameworkFingerprint(string Framework, string Fingerprint);
