using AgentTestGuard.EndToEnd.Tests.Infrastructure;

namespace AgentTestGuard.EndToEnd.Tests.Run;

/// <summary>
/// xunit v3's <c>[AgentFact]</c> and <c>[AgentTheory]</c>, which the package compiles into the project:
/// tests tagged with them are inventoried and run quarantined like any agent test, and a project that
/// turns them off (AgentTestGuardXunitAttributes=false) does not get them.
/// </summary>
public sealed class XunitAgentAttributeRunTests
{
    private const string Fact = "Shop.Tests.CheckoutTests.Agent_discount";
    private const string Theory = "Shop.Tests.CheckoutTests.Agent_rounding";
    private const string Own = "Shop.Tests.CheckoutTests.Human_written_total";

    private const string Source = """
        using AgentTestGuard;
        using Xunit;

        namespace Shop.Tests;

        public class CheckoutTests
        {
            [AgentFact("copilot", "CART-12", Model = "gpt-5")]
            public void Agent_discount() => Check("FAIL_UNAPPROVED", "discount");

            [AgentTheory("claude-code", new[] { "CART-12", "CART-13" }), InlineData(2)]
            public void Agent_rounding(int cents) => Check("FAIL_UNAPPROVED", "rounding" + cents);

            [Fact]
            public void Human_written_total() => Check("FAIL_GATING", "total");

            private static void Check(string variable, string marker)
            {
                File.WriteAllText(Path.Combine(Environment.GetEnvironmentVariable("AGT_E2E_MARKERS")!, marker), "ran");
                if (Environment.GetEnvironmentVariable(variable) == "1")
                {
                    Assert.Fail(variable + " is set");
                }
            }
        }
        """;

    [Fact]
    public async Task Tests_tagged_by_their_test_attribute_run_quarantined()
    {
        var project = NewProject();
        var build = await project.BuildAsync();
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Empty(build.Warnings);

        var inventory = project.ReadInventory().Tests.ToDictionary(t => t.Id);
        Assert.Equal([Fact, Theory], inventory.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("copilot", "gpt-5"), (inventory[Fact].Agent, inventory[Fact].Evidence.Model));
        Assert.Equal(["CART-12"], inventory[Fact].Criteria);
        Assert.Equal("claude-code", inventory[Theory].Agent);
        Assert.Equal(["CART-12", "CART-13"], inventory[Theory].Criteria);

        // Both agent tests fail: they are unapproved, so the run passes, and the record says why.
        var (results, markers, environment) = RunFixture.NewRun(project, (RunSources.FailUnapproved, "1"));
        var run = await project.TestAsync(results, environment);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(
            new Dictionary<string, (string, string)> { [Fact] = ("failed", "quarantined"), [Theory] = ("failed", "quarantined"), [Own] = ("passed", "gating") },
            RunRecord.ReadSingle(results).Tests);
        Assert.Equal(["discount", "rounding2", "total"], Directory.GetFileSystemEntries(markers).Select(Path.GetFileName).Order());

        // The human-written test still gates.
        (results, _, environment) = RunFixture.NewRun(project, ("FAIL_GATING", "1"));
        var gating = await project.TestAsync(results, environment);
        Assert.Equal(2, gating.ExitCode);
    }

    [Fact]
    public async Task A_project_can_leave_the_attributes_out()
    {
        var project = NewProject();
        var first = await project.BuildAsync();
        Assert.True(first.ExitCode == 0, first.Output);

        // An incremental build notices the file is gone: the compiler runs again.
        var build = await project.BuildAsync("-p:AgentTestGuardXunitAttributes=false");

        // The compiler's error, at the attribute: AgentFact is not found (BuildDiagnostic reads only AGT codes).
        Assert.NotEqual(0, build.ExitCode);
        var line = project.LineOf("CheckoutTests.cs", "[AgentFact(");
        Assert.Contains($"CheckoutTests.cs({line},6): error CS0246: The type or namespace name 'AgentFact'", build.Output, StringComparison.Ordinal);
    }

    private static TestProject NewProject()
    {
        var project = TestProject.Create(TestFramework.XunitV3, "Shop.Tests");
        project.WriteRootFile("agenttestguard.policy.json", Build.Sources.Policy);
        project.WriteRootFile("agenttestguard.criteria.json", Build.Sources.Catalog);
        project.Write("CheckoutTests.cs", Source);
        project.ReferencePackage();
        return project;
    }
}
