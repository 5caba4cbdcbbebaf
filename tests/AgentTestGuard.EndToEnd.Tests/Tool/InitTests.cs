using AgentTestGuard.Approvals;
using AgentTestGuard.Configuration;
using AgentTestGuard.EndToEnd.Tests.Infrastructure;

namespace AgentTestGuard.EndToEnd.Tests.Tool;

/// <summary>
/// `dotnet agt init` in a fresh repository whose only package source is the run's feed: it finds
/// the packed version there with NuGet (loaded from the SDK beside MSBuild), and the files it
/// creates are ones the build accepts.
/// </summary>
public sealed class InitTests
{
    [Fact]
    public async Task Init_creates_files_the_build_accepts_adds_the_newest_package_and_refuses_a_second_time()
    {
        var project = TestProject.Create(TestFramework.XunitV3, "Shop.Tests");
        project.Write("CartTests.cs", """
            using AgentTestGuard;
            using Xunit;

            namespace Shop.Tests;

            public class CartTests
            {
                [Fact, AgentGenerated("copilot"), AcceptanceCriteria("CART-12")]
                public void Total_includes_the_regions_tax() => Assert.Equal(0, "".Length);
            }
            """);
        // Only the feed, so the version can come from nowhere else; restore finds the test
        // framework in the machine's packages folder.
        project.WriteRootFile("NuGet.Config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="agenttestguard-e2e" value="{PackageFixture.Feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{PackageFixture.MachinePackagesFolder}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        var projectBefore = File.ReadAllText(project.ProjectFile);
        await ToolTests.InstallToolAsync(project);

        var init = await ToolTests.AgtAsync(project, "init");

        Assert.True(init.ExitCode == 0, init.Output);
        Assert.Contains($"Shop.Tests/Shop.Tests.csproj    PackageReference AgentTestGuard {PackageFixture.Version}\n", init.Output, StringComparison.Ordinal);
        Assert.Contains($"AgentTestGuard {PackageFixture.Version}: the newest version on 'agenttestguard-e2e', a prerelease (no source has a stable one).\n", init.Output, StringComparison.Ordinal);
        Assert.Equal(
            projectBefore.Replace("    <PackageReference Include=\"xunit.v3\"", $"    <PackageReference Include=\"AgentTestGuard\" Version=\"{PackageFixture.Version}\" />\n    <PackageReference Include=\"xunit.v3\"", StringComparison.Ordinal),
            File.ReadAllText(project.ProjectFile));
        var policy = Policy.Load(RootFile(project, ConfigurationFileNames.Policy), out var policyFindings);
        Assert.Empty(policyFindings);
        Assert.Empty(policy!.Agents);
        Assert.Empty(CriteriaCatalog.Load(RootFile(project, ConfigurationFileNames.Catalog), out var catalogFindings)!.Criteria);
        Assert.Empty(catalogFindings);
        Assert.Equal(ApprovalLedger.Serialize([]), File.ReadAllText(RootFile(project, ConfigurationFileNames.Approvals)));
        Assert.Equal(
            "# AgentTestGuard: keep both branches' lines when they approve or record incidents side by side.\nagenttestguard.approvals.jsonl merge=union\nagenttestguard.incidents.jsonl merge=union\n",
            File.ReadAllText(RootFile(project, ".gitattributes")));
        Assert.EndsWith("\nagenttestguard.*.lock\n.agenttestguard.*.tmp\n", File.ReadAllText(RootFile(project, ".gitignore")), StringComparison.Ordinal);

        // After the edits the next steps ask for (an agent allowed, a criterion listed; the example
        // line works as it stands), the build restores the package from the feed and applies the files.
        Edit(RootFile(project, ConfigurationFileNames.Policy), "\"agents\": []", "\"agents\": [\"copilot\"]");
        Edit(RootFile(project, ConfigurationFileNames.Catalog), "    // { \"id\": \"CART-12\"", "    { \"id\": \"CART-12\"");
        var build = await project.BuildAsync();
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Empty(build.Diagnostics);
        var inventory = project.ReadInventory();
        Assert.Equal(
            (RootFile(project, ConfigurationFileNames.Policy), RootFile(project, ConfigurationFileNames.Catalog), RootFile(project, ConfigurationFileNames.Approvals)),
            (inventory.PolicyFile, inventory.CriteriaFile, inventory.ApprovalsFile));
        var test = Assert.Single(inventory.Tests);
        Assert.Equal(("Shop.Tests.CartTests.Total_includes_the_regions_tax", "copilot", ApprovalState.Unapproved), (test.Id, test.Agent, test.Approval?.State));
        Assert.Equal(["CART-12"], test.Criteria);
        Assert.Equal(["local", "ci"], inventory.Environments!);

        // A second init refuses and changes nothing.
        var files = SnapshotOf(project);
        var again = await ToolTests.AgtAsync(project, "init");
        Assert.True(again.ExitCode == 3, again.Output);
        Assert.Contains("refused: agenttestguard.policy.json, agenttestguard.criteria.json, agenttestguard.approvals.jsonl already exist in", again.Output, StringComparison.Ordinal);
        Assert.Equal(files, SnapshotOf(project));
    }

    [Fact]
    public async Task Init_leaves_a_project_pinned_to_an_older_platform_building_and_names_the_conflict()
    {
        // xunit.v3 3.x runs on platform 1.x; the project pins it, as teams pin a platform extension's version.
        var project = TestProject.Create(TestFramework.XunitV3, "Shop.Tests");
        File.WriteAllText(project.ProjectFile, File.ReadAllText(project.ProjectFile).Replace(
            $"<PackageReference Include=\"xunit.v3\" Version=\"{BuildInfo.XunitV3Version}\" />",
            "<PackageReference Include=\"xunit.v3\" Version=\"3.2.2\" />\n    <PackageReference Include=\"Microsoft.Testing.Platform\" Version=\"1.9.1\" />",
            StringComparison.Ordinal));
        project.Write("CartTests.cs", "namespace Shop.Tests;\n\npublic class CartTests\n{\n    [Xunit.Fact]\n    public void Total() { }\n}\n");
        var before = File.ReadAllBytes(project.ProjectFile);
        await ToolTests.InstallToolAsync(project);

        var init = await ToolTests.AgtAsync(project, "init", "--version", PackageFixture.Version);

        Assert.True(init.ExitCode == 0, init.Output);
        Assert.Equal(before, File.ReadAllBytes(project.ProjectFile));
        var output = init.Output.ReplaceLineEndings("\n");
        // 2.5.1: the platform version in Directory.Packages.props, the package's dependency.
        Assert.Contains(
            "\nShop.Tests/Shop.Tests.csproj    not changed: runs on Microsoft.Testing.Platform 1.9.1 (from Microsoft.Testing.Platform 1.9.1); "
            + "AgentTestGuard needs 2.5.1 or later (NuGet would refuse the downgrade, NU1605)\n",
            output,
            StringComparison.Ordinal);
        Assert.Contains(
            "  1. Raise Microsoft.Testing.Platform in Shop.Tests.csproj to 2.5.1 or later, then `dotnet add Shop.Tests.csproj package AgentTestGuard`: init left it as it was.\n",
            output,
            StringComparison.Ordinal);
        var build = await project.BuildAsync();
        Assert.True(build.ExitCode == 0, build.Output);
    }

    private static void Edit(string file, string text, string replacement)
    {
        var content = File.ReadAllText(file);
        Assert.Contains(text, content, StringComparison.Ordinal);
        File.WriteAllText(file, content.Replace(text, replacement, StringComparison.Ordinal));
    }

    private static string RootFile(TestProject project, string name) => Path.Combine(project.Root, name);

    private static List<(string, string)> SnapshotOf(TestProject project) =>
        [.. new[] { ConfigurationFileNames.Policy, ConfigurationFileNames.Catalog, ConfigurationFileNames.Approvals, ".gitattributes", ".gitignore" }
            .Select(name => (name, File.ReadAllText(RootFile(project, name))))
            .Append((project.ProjectFile, File.ReadAllText(project.ProjectFile)))];
}
