using AgentTestGuard.Approvals;
using AgentTestGuard.Inventory;
using AgentTestGuard.InventoryFormat;
using AgentTestGuard.Tool.Tests.Init;
using AgentTestGuard.Tool.Workspace;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Workspace;

/// <summary>A multi-targeted project's inventories, one per framework, read as one row per test.</summary>
public sealed class AgentTestRowsTests : TempFolder
{
    [Fact]
    public void A_fingerprint_every_framework_shares_gives_a_plain_row_and_one_that_differs_names_each_framework()
    {
        var net8 = Inventory("net8.0", Test("Shop.Tests.A", F('a')), Test("Shop.Tests.B", F('b')));
        var net10 = Inventory("net10.0", Test("Shop.Tests.A", F('a')), Test("Shop.Tests.B", F('c')), Test("Shop.Tests.OnlyOnNet10", F('d')));
        var project = new TestProject("/repo/Shop.Tests.csproj", "Shop.Tests", [new("net8.0", net8), new("net10.0", net10)], "/repo/agenttestguard.approvals.jsonl", null, []);

        var rows = AgentTestRows.Of(project, []).ToDictionary(r => r.Test.Id);

        Assert.Equal(["Shop.Tests.A", "Shop.Tests.B", "Shop.Tests.OnlyOnNet10"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Null(rows["Shop.Tests.A"].FingerprintsByFramework);
        Assert.Equal([new("net8.0", F('b')), new("net10.0", F('c'))], rows["Shop.Tests.B"].FingerprintsByFramework!);
        Assert.Null(rows["Shop.Tests.OnlyOnNet10"].FingerprintsByFramework);
        Assert.Equal((F('b'), "quarantined"), (rows["Shop.Tests.B"].Test.Fingerprint, rows["Shop.Tests.B"].StateName));
    }

    [Fact]
    public void In_a_project_without_quarantine_an_unapproved_test_is_gating()
    {
        var inventory = Inventory("net10.0", Test("Shop.Tests.A", F('a')));
        var project = new TestProject("/repo/Shop.Tests.csproj", "Shop.Tests", [new("net10.0", inventory)], "/repo/agenttestguard.approvals.jsonl", null, []) { Quarantines = false };

        Assert.Equal("gating", Assert.Single(AgentTestRows.Of(project, [])).StateName);
    }

    private string Inventory(string framework, params AgentTest[] tests)
    {
        var path = Path.Combine(Folder, framework, "Shop.Tests.agenttests.json");
        InventoryFile.Write(path, new InventoryDocument(InventoryDocument.CurrentSchemaVersion, "test", "Shop.Tests", null, null, null, tests));
        return path;
    }

    private static string F(char c) => new(c, 32);

    private static AgentTest Test(string id, string fingerprint) =>
        new(id, "Shop.Tests", id[(id.LastIndexOf('.') + 1)..], "copilot", AgentEvidence.None, ["CART-12"], fingerprint, null)
        {
            Approval = new TestApproval(ApprovalState.Unapproved),
        };
}
