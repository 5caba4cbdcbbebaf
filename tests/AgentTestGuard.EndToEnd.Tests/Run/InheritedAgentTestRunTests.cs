using AgentTestGuard.EndToEnd.Tests.Infrastructure;
using static AgentTestGuard.EndToEnd.Tests.Infrastructure.TestFrameworkProjects;

namespace AgentTestGuard.EndToEnd.Tests.Run;

/// <summary>
/// An agent test declared in an abstract base class runs as a test of the class deriving from it,
/// under that class's name: it is still quarantined there, and still kept from executing where the
/// policy does not allow unreviewed agent tests.
/// </summary>
public sealed class InheritedAgentTestRunTests
{
    private const string Declared = "Shop.Tests.CheckoutTestsBase.Agent_discount";
    private const string Inherited = "Shop.Tests.CheckoutTests.Agent_discount";
    private const string Own = "Shop.Tests.CheckoutTests.Human_written_total";

    [Theory]
    [InlineData(TestFramework.XunitV3)]
    [InlineData(TestFramework.MSTest)]
    [InlineData(TestFramework.NUnit)]
    public async Task An_inherited_agent_test_runs_quarantined_under_the_derived_class_name(TestFramework framework)
    {
        var project = TestProject.Create(framework, "Shop.Tests");
        project.WriteRootFile("agenttestguard.policy.json", Build.Sources.Policy);
        project.WriteRootFile("agenttestguard.criteria.json", Build.Sources.Catalog);
        project.Write("CheckoutTests.cs", Source(framework));
        project.ReferencePackage();
        var build = await project.BuildAsync();
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Equal(["Shop.Tests.CheckoutTests"], Assert.Single(project.ReadInventory().Tests, t => t.Id == Declared).InheritedBy);

        var (results, markers, environment) = RunFixture.NewRun(project, (RunSources.FailUnapproved, "1"));
        var run = await project.TestAsync(results, environment);

        Assert.True(run.ExitCode == 0, run.Output);
        var record = RunRecord.ReadSingle(results);
        Assert.Equal(
            new Dictionary<string, (string, string)> { [Inherited] = ("failed", "quarantined"), [Own] = ("passed", "gating") },
            record.Tests);
        Assert.Equal(Declared, record.Test(Inherited).GetProperty("declaredAs").GetString());
        Assert.Equal(["discount", "total"], Directory.GetFileSystemEntries(markers).Select(Path.GetFileName).Order());

        // A staging smoke run: the policy allows unreviewed agent tests only locally and in CI.
        (results, markers, environment) = RunFixture.NewRun(project, ("AGENTTESTGUARD_ENVIRONMENT", "staging"), (RunSources.FailUnapproved, "1"));
        var staging = await project.TestAsync(results, environment);

        Assert.True(staging.ExitCode == 0, staging.Output);
        Assert.Equal(["total"], Directory.GetFileSystemEntries(markers).Select(Path.GetFileName));
        Assert.Equal(
            new Dictionary<string, (string, string)> { [Declared] = ("notRun", "quarantined"), [Own] = ("passed", "gating") },
            RunRecord.ReadSingle(results).Tests);
    }

    private static string Source(TestFramework framework)
    {
        var test = TestAttribute(framework);
        return $$"""
            {{Usings(framework)}}

            namespace Shop.Tests;

            public abstract class CheckoutTestsBase
            {
                [{{test}}, AgentGenerated("copilot", Criteria = ["CART-12"])]
                public void Agent_discount() => Check("FAIL_UNAPPROVED", "discount");

                protected static void Check(string variable, string marker)
                {
                    File.WriteAllText(Path.Combine(Environment.GetEnvironmentVariable("AGT_E2E_MARKERS")!, marker), "ran");
                    if (Environment.GetEnvironmentVariable(variable) == "1")
                    {
                        Assert.Fail(variable + " is set");
                    }
                }
            }

            {{ClassAttribute(framework)}}
            public class CheckoutTests : CheckoutTestsBase
            {
                [{{test}}]
                public void Human_written_total() => Check("FAIL_GATING", "total");
            }
            """;
    }
}
