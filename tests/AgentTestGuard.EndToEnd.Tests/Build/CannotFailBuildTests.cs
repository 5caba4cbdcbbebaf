using AgentTestGuard.Assertions;
using AgentTestGuard.EndToEnd.Tests.Infrastructure;

namespace AgentTestGuard.EndToEnd.Tests.Build;

/// <summary>An agent test that cannot fail is a warning at the test, and its inventory entry says so (AGT0020).</summary>
public sealed class CannotFailBuildTests
{
    [Fact]
    public async Task A_tautological_agent_test_is_a_warning_at_its_line_and_is_marked_in_the_inventory()
    {
        var project = TestProject.Create(TestFramework.XunitV3, "Tautology.Tests");
        project.WriteRootFile("agenttestguard.policy.json", Sources.Policy);
        project.WriteRootFile("agenttestguard.criteria.json", Sources.Catalog);
        var file = project.Write("CartTests.cs", """
            using AgentTestGuard;
            using Xunit;

            namespace Shop.Tests;

            public class CartTests
            {
                [Fact, AgentGenerated("copilot"), AcceptanceCriteria("CART-12")]
                public void Total_includes_tax()
                { // marker:tautology
                    Assert.Equal(2 + 2, 4);
                }

                [Fact, AgentGenerated("copilot"), AcceptanceCriteria("CART-12")]
                public void Subtotal_sums_the_lines() => Assert.Equal(6, new[] { 1, 2, 3 }.Sum());
            }
            """);
        project.ReferencePackage();

        var build = await project.BuildAsync();

        Assert.True(build.ExitCode == 0, build.Output);
        var warning = Assert.Single(build.Diagnostics);
        Assert.Equal(
            ("AGT0020", "warning", file, project.LineOf("CartTests.cs", "marker:tautology"),
                "Agent test 'Shop.Tests.CartTests.Total_includes_tax' has an assertion that cannot fail: Xunit.Assert::Equal is given the same value on both sides. Compare what the code under test returns with the value it should return."),
            (warning.Code, warning.Severity, warning.File, warning.Line, warning.Message));
        var tests = project.ReadInventory().Tests.ToDictionary(test => test.MethodName);
        Assert.Equal(new CannotFail(CannotFailReason.TrivialAssertion, "Xunit.Assert::Equal is given the same value on both sides"), tests["Total_includes_tax"].CannotFail);
        Assert.Null(tests["Subtotal_sums_the_lines"].CannotFail);
    }
}
