using AgentTestGuard.Approvals;
using AgentTestGuard.Configuration;
using AgentTestGuard.Incidents;
using AgentTestGuard.TestingPlatform.Classification;
using AgentTestGuard.TestingPlatform.Tests.TestSupport;
using Xunit;

namespace AgentTestGuard.TestingPlatform.Tests.Classification;

public sealed class RejectionLogTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("agt-rejections-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_rejection_of_the_tests_current_fingerprint_is_found_beside_the_ledger()
    {
        var rejected = Make.Test("Shop.Tests.CartTests.Removes_item", ApprovalState.Unapproved);
        var changed = Make.Test("Shop.Tests.CartTests.Totals", ApprovalState.Unapproved);
        IncidentLog.Write(Path.Combine(_directory, ConfigurationFileNames.Incidents),
        [
            new Incident(IncidentKind.Rejection, "Shop.Tests", rejected.Id, rejected.Fingerprint, "copilot", Make.Dana, Make.Noon, "asserts the old total"),
            new Incident(IncidentKind.Rejection, "Shop.Tests", changed.Id, Make.OlderFingerprint, "copilot", Make.Dana, Make.Noon, "rejected before it changed"),
        ]);
        var inventory = Make.Inventory(rejected, changed) with { ApprovalsFile = Path.Combine(_directory, ConfigurationFileNames.Approvals) };

        var rejectionOf = RejectionLog.Read(inventory);

        Assert.Equal(("asserts the old total", Make.Dana), (rejectionOf(rejected)?.Reason, rejectionOf(rejected)?.By));
        Assert.Null(rejectionOf(changed));
    }

    [Fact]
    public void Without_a_log_or_with_a_malformed_one_no_test_is_rejected()
    {
        var test = Make.Test("Shop.Tests.CartTests.Removes_item", ApprovalState.Unapproved);
        var inventory = Make.Inventory(test) with { ApprovalsFile = Path.Combine(_directory, ConfigurationFileNames.Approvals) };

        Assert.Null(RejectionLog.Read(inventory)(test));

        File.WriteAllText(Path.Combine(_directory, ConfigurationFileNames.Incidents), "{ not json\n");
        Assert.Null(RejectionLog.Read(inventory)(test));
        Assert.Null(RejectionLog.Read(Make.Inventory(test))(test));
    }
}
