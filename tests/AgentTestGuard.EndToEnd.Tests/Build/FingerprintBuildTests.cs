using AgentTestGuard.Approvals;
using AgentTestGuard.EndToEnd.Tests.Infrastructure;
using AgentTestGuard.InventoryFormat;

namespace AgentTestGuard.EndToEnd.Tests.Build;

/// <summary>
/// A test's fingerprint is its source's: the same for every build a team makes of it (issue 29, item 2), and
/// different once what it calls resolves elsewhere (issue 30, item 9).
/// </summary>
public sealed class FingerprintBuildTests
{
    // What differs most between builds of one source: lambdas and a captured local, an async state machine
    // (a class in Debug, a struct in Release), and calls C# 12 (net8.0's default) binds to other overloads
    // than C# 14 (net10.0's): string.Join's params array or params span, a collection expression.
    private const string Tests = """
        using AgentTestGuard;
        using Xunit;

        namespace Shop.Tests;

        public class CartTests
        {
            [AgentFact("copilot", "CART-12")]
            public async Task Total_includes_tax()
            {
                var prices = new[] { 10, 20, 30 };
                var limit = 15;
                await Task.Yield();
                var total = prices.Where(price => price > limit).Sum();
                int[] expected = [50];
                Assert.Equal(expected[0], total);
                Assert.Equal(3, string.Join("-", "a", "b", "c").Split('-').Length);
            }

            [AgentFact("copilot", "CART-13")]
            public void Empty_cart_is_zero()
            {
                var cart = new List<int>();
                if (cart.Count == 0)
                {
                    return;
                }

                Assert.Fail("not empty");
            }
        }
        """;

    [Fact]
    public async Task Debug_release_net8_net10_and_a_ci_checkout_elsewhere_give_the_same_fingerprints()
    {
        var project = Project("Targets.Tests");
        var multiTarget = File.ReadAllText(project.ProjectFile).Replace(
            "<TargetFramework>net10.0</TargetFramework>", "<TargetFrameworks>net8.0;net10.0</TargetFrameworks>", StringComparison.Ordinal);
        File.WriteAllText(project.ProjectFile, multiTarget);

        var debug = await project.BuildAsync();
        Assert.True(debug.ExitCode == 0, debug.Output);

        // A CI checkout: another folder, a Release build, deterministic paths (/_/ in the PDB).
        var ci = project.CopyTo("Targets.Tests.CI");
        var release = await ci.BuildAsync("-c", "Release", "-p:ContinuousIntegrationBuild=true");
        Assert.True(release.ExitCode == 0, release.Output);

        var builds = new[]
        {
            Fingerprints(project, "Debug", "net10.0"),
            Fingerprints(project, "Debug", "net8.0"),
            Fingerprints(ci, "Release", "net10.0"),
            Fingerprints(ci, "Release", "net8.0"),
        };
        Assert.Equal(2, builds[0].Count);
        Assert.All(builds, fingerprints => Assert.Equal(builds[0], fingerprints));
        Assert.All(builds[0].Values, fingerprint => Assert.Matches("^v2:[0-9a-f]{32}$", fingerprint));
    }

    [Fact]
    public async Task An_assert_type_declared_in_the_test_project_makes_the_approval_stale()
    {
        const string Total = "Shop.Tests.CartTests.Total_includes_tax";
        var project = Project("Shadow.Tests");
        Assert.Equal(0, (await project.BuildAsync()).ExitCode);
        var approved = project.ReadInventory().Tests.Single(t => t.Id == Total).Fingerprint;
        var ledger = Path.Combine(project.Root, "agenttestguard.approvals.jsonl");
        ApprovalLedger.Write(ledger, [new("Shadow.Tests", Total, approved, "Dana Lee <dana@example.com>", new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero))]);
        Assert.Equal(0, (await project.BuildAsync()).ExitCode);
        Assert.Equal(ApprovalState.Approved, project.ReadInventory().Tests.Single(t => t.Id == Total).Approval!.State);

        // Not one line of the test changes, nor the signature of a method it calls (xunit's Equal<T>(T, T) and
        // Fail(string)); every assertion now passes whatever it compares.
        project.Write("Assert.cs", """
            namespace Xunit;

            internal static class Assert
            {
                public static void Equal<T>(T expected, T actual) { }

                public static void Fail(string message) { }
            }
            """);
        var build = await project.BuildAsync();

        Assert.True(build.ExitCode == 0, build.Output);
        var test = project.ReadInventory().Tests.Single(t => t.Id == Total);
        Assert.NotEqual(approved, test.Fingerprint);
        Assert.Equal(ApprovalState.Stale, test.Approval!.State);
    }

    private static TestProject Project(string name)
    {
        var project = TestProject.Create(TestFramework.XunitV3, name);
        project.WriteRootFile("agenttestguard.policy.json", Sources.Policy);
        project.WriteRootFile("agenttestguard.criteria.json", Sources.Catalog);
        project.Write("CartTests.cs", Tests);
        project.ReferencePackage();
        return project;
    }

    private static Dictionary<string, string> Fingerprints(TestProject project, string configuration, string framework) =>
        InventoryFile.Read(Path.Combine(project.Directory, "obj", configuration, framework, project.Name + InventoryDocument.FileSuffix))
            .Tests.ToDictionary(t => t.Id, t => t.Fingerprint);
}
