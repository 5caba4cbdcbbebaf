using AgentTestGuard.EndToEnd.Tests.Infrastructure;

namespace AgentTestGuard.EndToEnd.Tests.Build;

/// <summary>A valid project builds quietly and writes its inventory, for each framework.</summary>
public sealed class InventoryBuildTests
{
    [Theory]
    [InlineData(TestFramework.XunitV3)]
    [InlineData(TestFramework.MSTest)]
    public async Task Build_writes_the_inventory_of_agent_tests(TestFramework framework)
    {
        var project = TestProject.Create(framework, "Shop.Tests");
        project.WriteRootFile("agenttestguard.policy.json", Sources.Policy);
        project.WriteRootFile("agenttestguard.criteria.json", Sources.Catalog);
        var source = project.Write("CartTests.cs", Sources.ValidTests(framework));
        await project.AddPackageAsync();

        var build = await project.BuildAsync();

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Empty(build.Diagnostics);
        var inventory = project.ReadInventory();
        Assert.Equal(1, inventory.SchemaVersion);
        Assert.Equal("Shop.Tests", inventory.Assembly);
        Assert.Equal(Path.Combine(project.Root, "agenttestguard.policy.json"), inventory.PolicyFile);
        Assert.Equal(Path.Combine(project.Root, "agenttestguard.criteria.json"), inventory.CriteriaFile);
        Assert.Equal(
            ["Shop.Tests.AgentClassTests.First", "Shop.Tests.AgentClassTests.Second", "Shop.Tests.CartTests.Empty_cart_is_zero", "Shop.Tests.CartTests.Total_includes_tax"],
            inventory.Tests.Select(t => t.Id));

        var total = inventory.Tests.Single(t => t.MethodName == "Total_includes_tax");
        Assert.Equal("Shop.Tests.CartTests", total.TypeName);
        Assert.Equal("copilot", total.Agent);
        Assert.Equal("gpt-5", total.Evidence.Model);
        Assert.Equal(["CART-12"], total.Criteria);
        Assert.Matches("^v2:[0-9a-f]{32}$", total.Fingerprint);
        Assert.Equal(source, total.Source?.File);
        Assert.Equal(project.LineOf("CartTests.cs", "marker:total"), total.Source?.Line);

        var asyncTest = inventory.Tests.Single(t => t.MethodName == "Empty_cart_is_zero");
        Assert.Equal("claude-code", asyncTest.Agent);
        Assert.Equal(["CART-13", "JIRA-7"], asyncTest.Criteria);
        Assert.Equal(project.LineOf("CartTests.cs", "marker:async"), asyncTest.Source?.Line);

        Assert.Equal(["CART-12", "CART-13"], inventory.Tests.Single(t => t.MethodName == "Second").Criteria);
        Assert.Equal(File.ReadAllText(project.InventoryInObj), File.ReadAllText(project.InventoryInOutput));
    }

    [Fact]
    public async Task Rebuilding_unchanged_source_keeps_every_fingerprint()
    {
        var project = Sources.ValidProject(TestFramework.XunitV3, "Stable.Tests");
        Assert.Equal(0, (await project.BuildAsync()).ExitCode);
        var before = project.ReadInventory().Tests.ToDictionary(t => t.Id, t => t.Fingerprint);

        var rebuild = await project.BuildAsync("--no-incremental");

        Assert.Equal(0, rebuild.ExitCode);
        Assert.Equal(before, project.ReadInventory().Tests.ToDictionary(t => t.Id, t => t.Fingerprint));
    }

    [Theory]
    [InlineData(TestFramework.XunitV3)]
    [InlineData(TestFramework.MSTest)]
    public async Task Fingerprints_survive_lines_added_above_and_a_checkout_in_another_folder(TestFramework framework)
    {
        // Both frameworks' test attributes record the caller's file and line; approvals must not depend on them.
        var project = Sources.ValidProject(framework, "Moved.Tests");
        Assert.Equal(0, (await project.BuildAsync()).ExitCode);
        var original = project.ReadInventory().Tests.ToDictionary(t => t.Id, t => t.Fingerprint);

        var before = project.LineOf("CartTests.cs", "marker:total");
        project.Write("CartTests.cs", Sources.ValidTests(framework).Replace(
            "public class CartTests\n{\n", "public class CartTests\n{\n    // Lines added above every test.\n\n    private static int Unrelated() => 42;\n\n", StringComparison.Ordinal));
        Assert.Equal(before + 4, project.LineOf("CartTests.cs", "marker:total"));
        Assert.Equal(0, (await project.BuildAsync()).ExitCode);
        var moved = project.ReadInventory().Tests.ToDictionary(t => t.Id, t => t.Fingerprint);

        var elsewhere = project.CopyTo("Moved.Tests.Elsewhere");
        Assert.Equal(0, (await elsewhere.BuildAsync()).ExitCode);
        var copied = elsewhere.ReadInventory().Tests.ToDictionary(t => t.Id, t => t.Fingerprint);

        Assert.Equal(4, original.Count);
        Assert.Equal(original, moved);
        Assert.Equal(original, copied);
    }

    [Fact]
    public async Task A_project_without_agent_tests_builds_as_before_even_with_a_broken_policy_above_it()
    {
        var project = TestProject.Create(TestFramework.XunitV3, "Plain.Tests");
        project.WriteRootFile("agenttestguard.policy.json", "{ not json");
        project.Write("PlainTests.cs", "using Xunit;\npublic class PlainTests { [Fact] public void Works() { } }\n");
        project.ReferencePackage();

        var build = await project.BuildAsync();

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Empty(build.Diagnostics);
        Assert.Empty(project.ReadInventory().Tests);
    }

    [Fact]
    public async Task The_skip_switch_and_design_time_builds_turn_everything_off()
    {
        var project = TestProject.Create(TestFramework.XunitV3, "Skipped.Tests");
        project.Write("T.cs", "using Xunit;\nusing AgentTestGuard;\npublic class T { [Fact, AgentGenerated(\"copilot\")] public void NoCriteria() { } [AgentFact(\"copilot\", \"CART-1\")] public void Fact() { } }\n");
        project.ReferencePackage();

        // The attributes stay: tagged tests, [AgentFact] among them, still compile.
        var build = await project.BuildAsync("-p:AgentTestGuardSkip=true");

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Empty(build.Diagnostics);
        Assert.False(File.Exists(project.InventoryInObj));

        // An IDE's design-time builds are skipped the same way.
        var designTime = await project.BuildAsync("-p:DesignTimeBuild=true");
        Assert.True(designTime.ExitCode == 0, designTime.Output);
        Assert.Empty(designTime.Diagnostics);

        // And the same project without the switch is checked.
        Assert.Contains((await project.BuildAsync()).Errors, e => e.Code == "AGT0001");
    }
}
