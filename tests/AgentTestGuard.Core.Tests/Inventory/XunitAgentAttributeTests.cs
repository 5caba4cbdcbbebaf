using System.Reflection;
using System.Runtime.Loader;
using AgentTestGuard.Core.Tests.TestSupport;
using AgentTestGuard.Diagnostics;
using AgentTestGuard.Inventory;
using Xunit;

namespace AgentTestGuard.Core.Tests.Inventory;

/// <summary>
/// <c>[AgentFact]</c> and <c>[AgentTheory]</c>, compiled from the very source the package adds to xunit v3
/// test projects (build/AgentTestGuard.Xunit.cs), against the stand-in xunit attributes.
/// </summary>
public sealed class XunitAgentAttributeTests
{
    private static readonly CompileOptions WithXunitAttributes = new()
    {
        ExtraSources = [("/_/tests/Shop.Tests/obj/AgentTestGuard.Xunit.cs", PackageSource())],
    };

    [Fact]
    public void The_test_attribute_carries_the_agent_the_criteria_and_the_evidence()
    {
        const string source = """
            using AgentTestGuard;
            using Xunit;

            namespace Shop.Tests;

            [AcceptanceCriteria("SHIP-1")]
            public class CartTests
            {
                [AgentFact("copilot", "CART-1")]
                public void One() { }

                [AgentFact("claude", new[] { " CART-2 ", "CART-1" }, Model = "gpt-5", Session = "pr-42", Prompt = "docs/cart.md")]
                public void Several() { }

                [AgentTheory("copilot", "CART-3"), InlineData(1), InlineData(2)]
                public void Theory(int quantity) { }

                [Fact]
                public void Human() { }
            }
            """;

        var result = TestCompiler.CompileAndScan(source, WithXunitAttributes);
        var tests = result.Tests.ToDictionary(test => test.MethodName);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["One", "Several", "Theory"], tests.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("copilot", tests["One"].Agent);
        Assert.Equal(["CART-1", "SHIP-1"], tests["One"].Criteria);
        Assert.Equal(AgentEvidence.None, tests["One"].Evidence);
        Assert.Equal("claude", tests["Several"].Agent);
        Assert.Equal(["CART-1", "CART-2", "SHIP-1"], tests["Several"].Criteria);
        Assert.Equal(new AgentEvidence("gpt-5", "pr-42", "docs/cart.md"), tests["Several"].Evidence);
        Assert.Equal(["CART-3", "SHIP-1"], tests["Theory"].Criteria);
        Assert.Equal(("AgentFact", "AgentFact", "AgentTheory"), (tests["One"].Tag, tests["Several"].Tag, tests["Theory"].Tag));
    }

    [Fact]
    public void A_class_tag_covers_the_other_tests_and_the_attribute_keeps_its_own_agent()
    {
        const string source = """
            using AgentTestGuard;
            using Xunit;

            namespace Shop.Tests;

            [AgentGenerated("claude", Criteria = ["SHIP-1"])]
            public class CartTests
            {
                [AgentFact("copilot", "CART-1")]
                public void Own() { }

                [Fact]
                public void FromClass() { }
            }
            """;

        var tests = TestCompiler.CompileAndScan(source, WithXunitAttributes).Tests.ToDictionary(test => test.MethodName);

        Assert.Equal("copilot", tests["Own"].Agent);
        Assert.Equal(["CART-1", "SHIP-1"], tests["Own"].Criteria);
        Assert.Equal("claude", tests["FromClass"].Agent);
    }

    [Fact]
    public void An_empty_agent_name_is_reported_at_the_test()
    {
        const string source = """
            using AgentTestGuard;
            using Xunit;

            namespace Shop.Tests;

            public class CartTests
            {
                [AgentFact(" ", "CART-1")]
                public void Blank()
                {
                    System.Console.WriteLine();
                }
            }
            """;

        var result = TestCompiler.CompileAndScan(source, WithXunitAttributes);

        Assert.Empty(result.Tests);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(Descriptors.EmptyAgentName, diagnostic.Descriptor);
        Assert.Equal(SourceLines.LineOf(source, "{", after: "public void Blank()"), diagnostic.Line);
        Assert.EndsWith("CartTests.cs", diagnostic.File, StringComparison.Ordinal);
        // The fix text names the attribute the user wrote.
        Assert.Equal(
            "Agent test 'Shop.Tests.CartTests.Blank' has [AgentFact] with an empty agent name. Name the agent that wrote it, as listed in the policy: [AgentFact(\"copilot\", \"<id>\")].",
            diagnostic.Message);
    }

    [Fact]
    public void Moving_the_test_keeps_its_fingerprint_and_another_criterion_changes_it()
    {
        const string source = """
            using AgentTestGuard;
            using Xunit;

            namespace Shop.Tests;

            public class CartTests
            {
                [AgentFact("copilot", "CART-1")]
                public void Adds_item()
                {
                    System.Console.WriteLine("adds");
                }
            }
            """;

        string Fingerprint(string text) =>
            Assert.Single(TestCompiler.CompileAndScan(text, WithXunitAttributes).Tests).Fingerprint;

        var original = Fingerprint(source);

        // The compiler writes the test's line into the attribute (xunit's source information): not part of the test.
        Assert.Equal(original, Fingerprint(source.Edit("public class CartTests\n{\n", "public class CartTests\n{\n    // a comment\n\n")));
        Assert.NotEqual(original, Fingerprint(source.Edit("\"CART-1\"", "\"CART-2\"")));
    }

    [Fact]
    public void Reflection_reads_back_what_the_test_attribute_was_given()
    {
        const string source = """
            using AgentTestGuard;
            using Xunit;

            namespace Shop.Tests;

            public class CartTests
            {
                [AgentFact("claude", new[] { "CART-1", "CART-2" }, Model = "gpt-5", Session = "pr-42", Prompt = "docs/cart.md")]
                public void Fact() { }

                [AgentTheory("copilot", "CART-3", Session = "run-7")]
                public void Theory(int quantity) { }
            }
            """;

        using var compiled = TestCompiler.Compile(source, WithXunitAttributes);
        var context = new AssemblyLoadContext(nameof(Reflection_reads_back_what_the_test_attribute_was_given), isCollectible: true);
        try
        {
            var tests = context.LoadFromAssemblyPath(compiled.Path).GetType("Shop.Tests.CartTests")!;
            var fact = AttributeOfType(tests.GetMethod("Fact")!, "AgentFactAttribute");
            var theory = AttributeOfType(tests.GetMethod("Theory")!, "AgentTheoryAttribute");

            Assert.Equal("claude", Value(fact, "Agent"));
            Assert.Equal(new[] { "CART-1", "CART-2" }, Value(fact, "Criteria"));
            Assert.Equal(["gpt-5", "pr-42", "docs/cart.md"], [Value(fact, "Model"), Value(fact, "Session"), Value(fact, "Prompt")]);
            Assert.Equal("copilot", Value(theory, "Agent"));
            Assert.Equal(new[] { "CART-3" }, Value(theory, "Criteria"));
            Assert.Equal([null, "run-7", null], [Value(theory, "Model"), Value(theory, "Session"), Value(theory, "Prompt")]);

            // xunit describes every instance field and property of a test attribute's class in each of its
            // four reads per test: the attributes keep all they hold in one field (see the package source).
            foreach (var attribute in new object[] { fact, theory })
            {
                Assert.Single(attribute.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic));
            }
        }
        finally
        {
            context.Unload();
        }
    }

    private static object? Value(object attribute, string property) =>
        attribute.GetType().GetProperty(property)!.GetValue(attribute);

    private static object AttributeOfType(MethodInfo method, string typeName) =>
        Assert.Single(method.GetCustomAttributes(inherit: false), attribute => attribute.GetType().Name == typeName);

    private static string PackageSource()
    {
        using var stream = typeof(XunitAgentAttributeTests).Assembly.GetManifestResourceStream("AgentTestGuard.Xunit.cs")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
