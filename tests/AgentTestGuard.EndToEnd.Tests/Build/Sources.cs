using static AgentTestGuard.EndToEnd.Tests.Infrastructure.TestFrameworkProjects;

namespace AgentTestGuard.EndToEnd.Tests.Build;

/// <summary>Test sources and repository files shared by the build tests.</summary>
internal static class Sources
{
    /// <summary>A project with <see cref="ValidTests"/>, the policy and catalog above it, and the package referenced.</summary>
    public static Infrastructure.TestProject ValidProject(Infrastructure.TestFramework framework, string name)
    {
        var project = Infrastructure.TestProject.Create(framework, name);
        project.WriteRootFile("agenttestguard.policy.json", Policy);
        project.WriteRootFile("agenttestguard.criteria.json", Catalog);
        project.Write("CartTests.cs", ValidTests(framework));
        project.ReferencePackage();
        return project;
    }

    public const string Policy = """
        {
          // The human who owns the agent workflow.
          "owner": "Dana Lee <dana@example.com>",
          "agents": ["copilot", "claude-code"],
          "criteriaPatterns": [ { "pattern": "JIRA-[0-9]+", "link": "https://jira.example.com/browse/{id}" } ],
        }
        """;

    public const string Catalog = """
        {
          "criteria": [
            { "id": "CART-12", "text": "The cart total includes the shipping region's tax." },
            { "id": "CART-13", "text": "An empty cart totals zero.", "link": "https://tracker.example.com/CART-13" }
          ]
        }
        """;

    /// <summary>
    /// Valid agent tests (method-level, class-level, tracker id, async) beside human ones. Each
    /// test's opening brace carries a marker so expectations can find its line.
    /// </summary>
    public static string ValidTests(Infrastructure.TestFramework framework)
    {
        var test = TestAttribute(framework);
        var cls = ClassAttribute(framework);
        return $$"""
            {{Usings(framework)}}

            namespace Shop.Tests;

            {{cls}}
            public class CartTests
            {
                [{{test}}]
                public void Human_written_test()
                {
                }

                [{{test}}, AgentGenerated("copilot", Model = "gpt-5"), AcceptanceCriteria("CART-12")]
                public void Total_includes_tax()
                { // marker:total
                    var total = 100 * 1.2;
                    if (total < 0) throw new InvalidOperationException();
                }

                [{{test}}, AgentGenerated("claude-code", Criteria = ["JIRA-7", "CART-13"])]
                public async Task Empty_cart_is_zero()
                { // marker:async
                    await Task.Yield();
                    if (new List<int>().Count != 0) throw new InvalidOperationException("not empty");
                }
            }

            {{cls}}
            [AgentGenerated("copilot"), AcceptanceCriteria("CART-13")]
            public class AgentClassTests
            {
                [{{test}}]
                public void First()
                {
                    if (string.Empty.Length != 0) throw new InvalidOperationException();
                }

                [{{test}}, AcceptanceCriteria("CART-12")]
                public void Second()
                {
                    if (string.Empty.Length != 0) throw new InvalidOperationException();
                }

                public void NotATest()
                {
                }
            }
            """;
    }
}
