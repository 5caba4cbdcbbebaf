using AgentTestGuard.Core.Tests.TestSupport;
using AgentTestGuard.Diagnostics;
using AgentTestGuard.Inventory;
using Xunit;

namespace AgentTestGuard.Core.Tests.Inventory;

/// <summary>What the AgentTestGuard attributes contribute: criteria, evidence, and the empty-agent error.</summary>
public sealed class AgentAttributeTests
{
    [Fact]
    public void Criteria_are_the_trimmed_sorted_union_of_class_and_method_ids()
    {
        const string source = """
            using AgentTestGuard;
            using Xunit;

            namespace Shop.Tests;

            [AcceptanceCriteria("CART-2", " CART-1 ")]
            [AcceptanceCriteria("SHIP-1")]
            public class Criteria
            {
                [Fact, AgentGenerated("copilot"), AcceptanceCriteria("CART-1", "CART-10"), AcceptanceCriteria("ADR-3", "")]
                public void Linked() { }

                [Fact, AgentGenerated("copilot")]
                public void ClassOnly() { }
            }

            public class NoCriteria
            {
                [Fact, AgentGenerated("copilot")]
                public void Unlinked() { }
            }
            """;

        var tests = TestCompiler.CompileAndScan(source).Tests.ToDictionary(test => test.MethodName);

        Assert.Equal(["ADR-3", "CART-1", "CART-10", "CART-2", "SHIP-1"], tests["Linked"].Criteria);
        Assert.Equal(["CART-1", "CART-2", "SHIP-1"], tests["ClassOnly"].Criteria);
        Assert.Empty(tests["Unlinked"].Criteria);
    }

    [Fact]
    public void Criteria_named_on_the_tag_count_like_AcceptanceCriteria_beside_it()
    {
        const string source = """
            using AgentTestGuard;
            using Xunit;

            namespace Shop.Tests;

            [AgentGenerated("copilot", Criteria = ["SHIP-1", " CART-2 "])]
            public class Tagged
            {
                [Fact, AgentGenerated("claude", Criteria = ["CART-1", "", null!]), AcceptanceCriteria("ADR-3")]
                public void OwnTag() { }

                [Fact]
                public void ClassTag() { }
            }

            public class Untagged
            {
                [Fact, AgentGenerated("copilot", Criteria = ["CART-1"])]
                public void OneAttribute() { }

                [Fact, AgentGenerated("copilot", Criteria = null)]
                public void NullCriteria() { }

                [Fact, AgentGenerated("copilot", Criteria = [])]
                public void NoCriteria() { }
            }
            """;

        var tests = TestCompiler.CompileAndScan(source).Tests.ToDictionary(test => test.MethodName);

        Assert.Equal(["ADR-3", "CART-1", "CART-2", "SHIP-1"], tests["OwnTag"].Criteria);
        Assert.Equal("claude", tests["OwnTag"].Agent);
        Assert.Equal(["CART-2", "SHIP-1"], tests["ClassTag"].Criteria);
        Assert.Equal(["CART-1"], tests["OneAttribute"].Criteria);
        Assert.Empty(tests["NullCriteria"].Criteria);
        Assert.Empty(tests["NoCriteria"].Criteria);
    }

    [Fact]
    public void Evidence_comes_from_the_named_arguments()
    {
        const string source = """
            using AgentTestGuard;
            using Xunit;

            namespace Shop.Tests;

            public class Evidence
            {
                [Fact, AgentGenerated("copilot", Model = "gpt-5", Session = "pr-42", Prompt = "docs/prompts/cart.md")]
                public void Full() { }

                [Fact, AgentGenerated("copilot")]
                public void None() { }
            }
            """;

        var tests = TestCompiler.CompileAndScan(source).Tests.ToDictionary(test => test.MethodName);

        Assert.Equal(new AgentEvidence("gpt-5", "pr-42", "docs/prompts/cart.md"), tests["Full"].Evidence);
        Assert.Equal(AgentEvidence.None, tests["None"].Evidence);
    }

    [Fact]
    public void An_empty_agent_name_is_reported_at_the_test_and_the_test_left_out()
    {
        const string source = """
            using AgentTestGuard;
            using Xunit;

            namespace Shop.Tests;

            public class Empty
            {
                [Fact, AgentGenerated("  ")]
                public void Blank()
                {
                    System.Console.WriteLine();
                }

                [Fact, AgentGenerated("copilot")]
                public void Named() { }
            }

            [AgentGenerated(null!)]
            public class NullAgent
            {
                [Fact] public void FromClass() { }
            }
            """;

        var result = TestCompiler.CompileAndScan(source);

        Assert.Equal("Shop.Tests.Empty.Named", Assert.Single(result.Tests).Id);
        Assert.Equal(2, result.Diagnostics.Count);
        Assert.All(result.Diagnostics, diagnostic => Assert.Equal(Descriptors.EmptyAgentName, diagnostic.Descriptor));
        var blank = Assert.Single(result.Diagnostics, diagnostic => diagnostic.Message.Contains("Shop.Tests.Empty.Blank", StringComparison.Ordinal));
        Assert.Equal(SourceLines.LineOf(source, "{", after: "public void Blank()"), blank.Line);
        Assert.EndsWith("CartTests.cs", blank.File, StringComparison.Ordinal);
        Assert.Contains(result.Diagnostics, diagnostic => diagnostic.Message.Contains("Shop.Tests.NullAgent.FromClass", StringComparison.Ordinal));
    }

    [Fact]
    public void The_agent_name_is_trimmed()
    {
        const string source = """
            using AgentTestGuard;

            namespace Shop.Tests;

            public class Spaces
            {
                [Xunit.Fact, AgentGenerated(" copilot ")] public void Padded() { }
            }
            """;

        Assert.Equal("copilot", Assert.Single(TestCompiler.CompileAndScan(source).Tests).Agent);
    }
}
