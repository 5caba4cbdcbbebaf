using AgentTestGuard.Configuration;
using AgentTestGuard.Incidents;
using AgentTestGuard.Inventory;
using AgentTestGuard.InventoryFormat;

namespace AgentTestGuard.TestingPlatform.Classification;

/// <summary>
/// The rejections of the incident log, for enforce mode's listing: a rejected test is listed as
/// rejected, with who and why, rather than as awaiting review. The log is the one the tool writes,
/// beside the approvals ledger the build used (else beside the policy). Read only when enforce mode
/// fails the run, so other runs never touch it.
/// </summary>
internal static class RejectionLog
{
    private static readonly Func<AgentTest, Incident?> None = _ => null;

    /// <summary>The current rejection of a test, by assembly, id and fingerprint; none when the log is missing or unreadable.</summary>
    public static Func<AgentTest, Incident?> Read(InventoryDocument inventory)
    {
        if (PathOf(inventory) is not { } path || !File.Exists(path))
        {
            return None;
        }

        IReadOnlyList<Incident>? incidents;
        try
        {
            // A malformed log is the build's and the tool's to report; here it only means no rejection to name.
            incidents = IncidentLog.Load(path, out _);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return None;
        }

        return incidents is null or { Count: 0 }
            ? None
            : test => IncidentLog.CurrentRejection(incidents, inventory.Assembly, test.Id, test.Fingerprint);
    }

    /// <summary>Where the tool keeps the log for this inventory's project: beside the ledger (the tool's rule), else beside the policy.</summary>
    public static string? PathOf(InventoryDocument inventory) =>
        (inventory.ApprovalsFile ?? inventory.PolicyFile) is { Length: > 0 } file && Path.GetDirectoryName(file) is { } folder
            ? Path.Combine(folder, ConfigurationFileNames.Incidents)
            : null;
}
