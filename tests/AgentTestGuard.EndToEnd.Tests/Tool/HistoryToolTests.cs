using System.Text.Json;
using AgentTestGuard.EndToEnd.Tests.Infrastructure;

namespace AgentTestGuard.EndToEnd.Tests.Tool;

/// <summary>
/// The history from real runs: `dotnet test` of a project at two commits, then `history import`
/// and `metrics`. The runs are made with CI=true, as a pipeline makes them: the metrics count CI
/// runs (a clean checkout of one commit each, which these are), and CI=true also turns on enforce
/// mode, so each run exits 2 for its unapproved tests, as it would in CI.
/// </summary>
public sealed class HistoryToolTests
{
    private const string Total = "Shop.Tests.CartTests.Total_includes_tax";
    private const string Discount = "Shop.Tests.CartTests.Discount_applies";

    [Fact]
    public async Task A_fix_in_the_code_is_a_defect_caught_and_a_fix_in_the_test_is_a_false_alarm()
    {
        var project = TestProject.Create(TestFramework.XunitV3, "Shop.Tests");
        project.WriteRootFile("agenttestguard.policy.json", Build.Sources.Policy);
        project.WriteRootFile("agenttestguard.criteria.json", Build.Sources.Catalog);
        project.WriteRootFile("Shop/Shop.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n");
        project.ReferencePackage();
        File.WriteAllText(project.ProjectFile, File.ReadAllText(project.ProjectFile).Replace(
            "</ItemGroup>", "  <ProjectReference Include=\"../Shop/Shop.csproj\" />\n  </ItemGroup>", StringComparison.Ordinal));
        var git = project.InitGit();

        // Commit 1: the code forgets the tax (the test is right); the test expects a 20% discount
        // where the criterion says 10% (the test is wrong). Both fail.
        project.WriteRootFile("Shop/Cart.cs", Cart("net"));
        project.Write("CartTests.cs", Tests(expectedDiscounted: "80m"));
        git.CommitAll("cart and its agent tests");
        var first = await TestInCiAsync(project, "first");

        // Commit 2: the code is fixed (Total's test is unchanged) and the discount test is edited.
        project.WriteRootFile("Shop/Cart.cs", Cart("net * 1.2m"));
        project.Write("CartTests.cs", Tests(expectedDiscounted: "90m"));
        git.CommitAll("add the tax; the discount is 10%");
        var second = await TestInCiAsync(project, "second");

        await ToolTests.InstallToolAsync(project);
        var import = await ToolTests.AgtAsync(project, "history", "import", first, second);
        Assert.True(import.ExitCode == 0, import.Output);
        Assert.Contains("imported 2 run(s); 0 already in the history; 0 skipped", import.Output, StringComparison.Ordinal);
        var incidents = File.ReadAllLines(Path.Combine(project.Root, "agenttestguard.incidents.jsonl")).Where(l => !l.StartsWith("//", StringComparison.Ordinal));
        var falseAlarm = JsonDocument.Parse(Assert.Single(incidents)).RootElement;
        Assert.Equal(("false-alarm", "copilot", Discount), (falseAlarm.GetProperty("kind").GetString(), falseAlarm.GetProperty("agent").GetString(), falseAlarm.GetProperty("test").GetString()));

        var metrics = await ToolTests.AgtAsync(project, "metrics", "--json");
        Assert.True(metrics.ExitCode == 0, metrics.Output);
        var json = JsonDocument.Parse(metrics.Output).RootElement;
        Assert.Equal(2, json.GetProperty("window").GetProperty("runs").GetInt32());
        // testsSeen, defectsCaught, falseAlarms, flakyTests, flakyFailures, rejections, mistakes, approved, pendingReview, triage, value, rate
        var expected = (2, 1, 1, 0, 0, 0, 0, 0, 2, 1, 1, 0.5);
        Assert.Equal(expected, Figures(json.GetProperty("overall")));
        var copilot = Assert.Single(json.GetProperty("agents").EnumerateArray());
        Assert.Equal("copilot", copilot.GetProperty("agent").GetString());
        Assert.Equal(expected, Figures(copilot));
        var tests = json.GetProperty("tests").EnumerateArray().ToDictionary(t => t.GetProperty("test").GetString()!);
        Assert.Equal((1, 0, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0.0), Figures(tests[Discount]));
        Assert.Equal((1, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1.0), Figures(tests[Total]));
    }

    /// <returns>The run's results folder, holding its run record.</returns>
    private static async Task<string> TestInCiAsync(TestProject project, string name)
    {
        var build = await project.BuildAsync();
        Assert.True(build.ExitCode == 0, build.Output);
        var results = Path.Combine(project.Root, "runs", name);
        // Not about reruns: --agt-reruns 0 spares the 5 rerun test apps CI starts by default.
        var run = await project.TestAsync(results, new Dictionary<string, string?> { ["CI"] = "true" }, "--agt-reruns", "0");
        Assert.True(run.ExitCode == 2, run.Output); // enforce mode: the agent tests are unapproved
        Assert.Single(Directory.GetFiles(results, "*.agentrun.json"));
        return results;
    }

    private static (int, int, int, int, int, int, int, int, int, int, int, double) Figures(JsonElement row) =>
        (row.GetProperty("testsSeen").GetInt32(), row.GetProperty("defectsCaught").GetInt32(), row.GetProperty("falseAlarms").GetInt32(),
         row.GetProperty("flakyTests").GetInt32(), row.GetProperty("flakyFailures").GetInt32(), row.GetProperty("rejections").GetInt32(),
         row.GetProperty("mistakes").GetInt32(), row.GetProperty("approved").GetInt32(), row.GetProperty("pendingReview").GetInt32(),
         row.GetProperty("triage").GetInt32(), row.GetProperty("value").GetInt32(), row.GetProperty("defectCatchRate").GetDouble());

    private static string Cart(string total) => $$"""
        namespace Shop;

        public static class Cart
        {
            public static decimal Total(decimal net) => {{total}};

            public static decimal Discounted(decimal price) => price * 0.9m;
        }
        """;

    private static string Tests(string expectedDiscounted) => $$"""
        using Xunit;
        using AgentTestGuard;

        namespace Shop.Tests;

        public class CartTests
        {
            [Fact, AgentGenerated("copilot"), AcceptanceCriteria("CART-12")]
            public void Total_includes_tax()
            {
                Assert.Equal(120m, Shop.Cart.Total(100m));
            }

            [Fact, AgentGenerated("copilot"), AcceptanceCriteria("CART-13")]
            public void Discount_applies()
            {
                Assert.Equal({{expectedDiscounted}}, Shop.Cart.Discounted(100m));
            }
        }
        """;
}
