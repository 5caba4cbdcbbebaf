using AgentTestGuard.EndToEnd.Tests.Infrastructure;

namespace AgentTestGuard.EndToEnd.Tests.Run;

/// <summary>
/// A gating failure is never hidden behind a quarantined one: not when xunit v3 reports a theory's
/// rows under one test node (rows it did not enumerate at discovery), and not when test code sets
/// the platform's exit-code variable itself. One xunit v3 project serves every case; its tests
/// fail on demand, by environment variable.
/// </summary>
public sealed class HiddenFailureRunTests(HiddenFailureRunTests.Project fixture) : IClassFixture<HiddenFailureRunTests.Project>
{
    private const string Rounding = "Shop.Tests.CheckoutTests.Human_written_rounding";
    private const string Total = "Shop.Tests.CheckoutTests.Human_written_total";
    private const string Discount = "Shop.Tests.CheckoutTests.Agent_discount";
    private const string AgentRounding = "Shop.Tests.CheckoutTests.Agent_rounding";

    private const string Source = """
        using AgentTestGuard;
        using Xunit;

        namespace Shop.Tests;

        public class CheckoutTests
        {
            // Rows xunit does not enumerate at discovery: all of them run under the theory's one test node.
            [Theory(DisableDiscoveryEnumeration = true)]
            [InlineData(1)]
            [InlineData(2)]
            [InlineData(3)]
            public void Human_written_rounding(int cents)
            {
                if (cents == 1 && Set("FAIL_FIRST_ROW"))
                {
                    Assert.Fail("row 1 failed");
                }
            }

            [Fact]
            public void Human_written_total()
            {
                if (Set("FAIL_GATING"))
                {
                    Assert.Fail("FAIL_GATING is set");
                }
            }

            [AgentFact("copilot", "CART-12")]
            public void Agent_discount()
            {
                if (Set("TAMPER"))
                {
                    Environment.SetEnvironmentVariable("TESTINGPLATFORM_EXITCODE_IGNORE", "2");
                }

                if (Set("FAIL_UNAPPROVED"))
                {
                    Assert.Equal("total: 10.00", "total: 12.50");
                }
            }

            [AgentTheory("copilot", "CART-12", DisableDiscoveryEnumeration = true)]
            [InlineData(1)]
            [InlineData(2)]
            [InlineData(3)]
            public void Agent_rounding(int cents)
            {
                if (Set("FAIL_UNAPPROVED"))
                {
                    Assert.Fail($"agent row {cents} failed");
                }
            }

            private static bool Set(string variable) => Environment.GetEnvironmentVariable(variable) == "1";
        }
        """;

    [Fact]
    public async Task A_failed_first_row_of_a_gating_theory_fails_the_run_beside_a_quarantined_failure()
    {
        var project = await fixture.BuiltAsync();
        var (results, _, environment) = RunFixture.NewRun(project, ("FAIL_FIRST_ROW", "1"), ("FAIL_UNAPPROVED", "1"));

        var run = await project.TestAsync(results, environment);

        Assert.True(run.ExitCode == 2, run.Output);
        var record = RunRecord.ReadSingle(results);
        Assert.Equal(
            [
                (Discount, null, "failed", "quarantined"),
                (AgentRounding, $"{AgentRounding}(cents: 1)", "failed", "quarantined"),
                (AgentRounding, $"{AgentRounding}(cents: 2)", "failed", "quarantined"),
                (AgentRounding, $"{AgentRounding}(cents: 3)", "failed", "quarantined"),
                (Rounding, $"{Rounding}(cents: 1)", "failed", "gating"),
                (Rounding, $"{Rounding}(cents: 2)", "passed", "gating"),
                (Rounding, $"{Rounding}(cents: 3)", "passed", "gating"),
                (Total, null, "passed", "gating"),
            ],
            record.Results);
        Assert.Equal(1, record.Verdict.GetProperty("gatingFailures").GetInt32());
        Assert.Equal(4, record.Verdict.GetProperty("quarantinedFailures").GetInt32());
        Assert.False(record.Verdict.GetProperty("quarantinedFailuresIgnored").GetBoolean());

        // The summary tells the tests from their results.
        Assert.Contains("AgentTestGuard: 2 agent tests ran, 4 results: 0 approved, 2 quarantined; 4 quarantined failures; 0 stale approvals.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_code_that_sets_the_exit_code_variable_does_not_hide_a_gating_failure()
    {
        var project = await fixture.BuiltAsync();

        // In CI, with a failing human test, the unapproved agent test asks the platform to ignore exit code 2.
        var (results, _, environment) = RunFixture.NewRun(project, ("TAMPER", "1"), ("FAIL_GATING", "1"), ("CI", "true"));
        var inCi = await project.TestAsync(results, environment);
        Assert.True(inCi.ExitCode == 2, inCi.Output);
        Assert.Equal(1, RunRecord.ReadSingle(results).Verdict.GetProperty("gatingFailures").GetInt32());

        // Locally, with nothing else failing, it cannot hide its own failure's verdict either way:
        // quarantined, it leaves the run green, as it would without touching the variable.
        (results, _, environment) = RunFixture.NewRun(project, ("TAMPER", "1"), ("FAIL_UNAPPROVED", "1"));
        var quarantined = await project.TestAsync(results, environment);
        Assert.True(quarantined.ExitCode == 0, quarantined.Output);

        // The user's own setting still counts: 8 (zero tests ran) stays ignored, 2 is not added for a gating failure.
        (results, _, environment) = RunFixture.NewRun(project, ("TAMPER", "1"), ("FAIL_GATING", "1"), ("TESTINGPLATFORM_EXITCODE_IGNORE", "8"));
        var userCodes = await project.RunTestAppAsync(results, environment);
        Assert.True(userCodes.ExitCode == 2, userCodes.Output);
    }

    /// <summary>The project, built once for the class.</summary>
    public sealed class Project
    {
        private readonly Lazy<Task<TestProject>> _built = new(BuildAsync);

        internal Task<TestProject> BuiltAsync() => _built.Value;

        private static async Task<TestProject> BuildAsync()
        {
            var project = TestProject.Create(TestFramework.XunitV3, "Shop.Tests");
            project.WriteRootFile("agenttestguard.policy.json", Build.Sources.Policy);
            project.WriteRootFile("agenttestguard.criteria.json", Build.Sources.Catalog);
            project.Write("CheckoutTests.cs", Source);
            project.ReferencePackage();
            var file = File.ReadAllText(project.ProjectFile).Replace(
                "</PropertyGroup>",
                "  <UseMicrosoftTestingPlatformRunner>true</UseMicrosoftTestingPlatformRunner>\n  </PropertyGroup>",
                StringComparison.Ordinal);
            File.WriteAllText(project.ProjectFile, file);
            var build = await project.BuildAsync();
            Assert.True(build.ExitCode == 0, build.Output);
            return project;
        }
    }
}
