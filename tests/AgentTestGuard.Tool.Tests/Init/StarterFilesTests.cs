using AgentTestGuard.Approvals;
using AgentTestGuard.Configuration;
using AgentTestGuard.Tool.Init;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Init;

/// <summary>The files init creates load without a single finding, as the build reads them.</summary>
public sealed class StarterFilesTests : TempFolder
{
    [Fact]
    public void The_policy_allows_no_agent_and_names_no_owner_until_a_human_does()
    {
        var policy = Policy.Load(Write(ConfigurationFileNames.Policy, StarterFiles.Policy), out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.NotNull(policy);
        Assert.Null(policy.Owner);
        Assert.Empty(policy.Agents);
        Assert.Equal(["local", "ci"], policy.Environments);
        Assert.Empty(policy.CriteriaPatterns);
        Assert.Empty(policy.ApproverDenyPatterns);
    }

    [Fact]
    public void The_catalog_has_only_a_commented_example()
    {
        var catalog = CriteriaCatalog.Load(Write(ConfigurationFileNames.Catalog, StarterFiles.Catalog), out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Empty(catalog!.Criteria);
        Assert.Contains("// { \"id\": \"CART-12\"", StarterFiles.Catalog, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ledger_is_the_one_approve_writes_without_approvals()
    {
        var (name, content, _) = StarterFiles.All.Single(f => f.Name == ConfigurationFileNames.Approvals);

        var approvals = ApprovalLedger.Load(Write(name, content), out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Empty(approvals!);
        Assert.Equal(ApprovalLedger.Serialize([]), content);
    }
}
