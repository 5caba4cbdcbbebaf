using AgentTestGuard.Core.Tests.TestSupport;
using Microsoft.CodeAnalysis;
using Xunit;
using static AgentTestGuard.Core.Tests.TestSupport.Fingerprints;

namespace AgentTestGuard.Core.Tests.Inventory;

/// <summary>Rules 3 and 6: editing the test's body, signature, data or tags changes its fingerprint.</summary>
public sealed class FingerprintChangeTests
{
    private const string TestId = "Shop.Tests.CartTests.Adds_item";

    private const string Source = """
        using System;
        using AgentTestGuard;
        using Xunit;

        namespace Shop.Tests;

        [AcceptanceCriteria("CART-0")]
        public class CartTests
        {
            [Theory, AgentGenerated("copilot", Model = "gpt-5"), AcceptanceCriteria("CART-1")]
            [InlineData(1, 2)]
            [InlineData(3, 4)]
            public object? Adds_item(int quantity, int price)
            {
                var prices = new[] { 10, 20, 30 };
                var total = Helper.Multiply(quantity, price) + prices[0];
                if (total < 0) throw new InvalidOperationException("negative total");
                return null;
            }
        }

        [AgentGenerated("claude")]
        public class ClassTagged
        {
            [Fact]
            public void Checks() => Helper.Multiply(1, 2);
        }

        public static class Helper
        {
            public static int Multiply(int a, int b) => a * b;

            public static int Add(int a, int b) => a + b;
        }
        """;

    public static TheoryData<string, string, string> Edits => new()
    {
        { "a string literal", "\"negative total\"", "\"total below zero\"" },
        { "an integer literal", "prices[0]", "prices[1]" },
        { "an array initializer", "{ 10, 20, 30 }", "{ 10, 20, 31 }" },
        { "an operator", "total < 0", "total <= 0" },
        { "a call target", "Helper.Multiply(quantity, price)", "Helper.Add(quantity, price)" },
        { "a parameter", "int quantity, int price)", "int quantity, int price, int discount = 0)" },
        { "a parameter type", "int quantity, int price)", "short quantity, int price)" },
        { "the return type", "public object? Adds_item", "public string? Adds_item" },
        { "static-ness", "public object? Adds_item", "public static object? Adds_item" },
        { "a data row", "[InlineData(3, 4)]", "[InlineData(3, 5)]" },
        { "an added data row", "[InlineData(3, 4)]", "[InlineData(3, 4)]\n    [InlineData(5, 6)]" },
        { "the agent", "AgentGenerated(\"copilot\"", "AgentGenerated(\"codex\"" },
        { "the agent's evidence", "Model = \"gpt-5\"", "Model = \"gpt-5.1\"" },
        { "the method's criteria", "AcceptanceCriteria(\"CART-1\")", "AcceptanceCriteria(\"CART-1\", \"CART-2\")" },
        { "the class's criteria", "[AcceptanceCriteria(\"CART-0\")]", "[AcceptanceCriteria(\"CART-9\")]" },
        { "criteria named on the tag", "Model = \"gpt-5\")", "Model = \"gpt-5\", Criteria = [\"CART-3\"])" },
        { "the spaces inside a string literal", "\"negative total\"", "\"negative  total\"" },
        { "a comment marker inside a string literal", "\"negative total\"", "\"negative // total\"" },
        { "which operand an operator applies to", "+ prices[0]", "+ +prices[0]" },
        { "a statement commented out", "if (total < 0) throw", "// if (total < 0) throw" },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void Editing_the_test_changes_the_fingerprint(string what, string old, string replacement)
    {
        var edited = Source.Edit(old, replacement);

        Assert.NotNull(what);
        foreach (var optimization in new[] { OptimizationLevel.Debug, OptimizationLevel.Release })
        {
            var options = CompileOptions.For(optimization);
            AssertDifferent(Of(Source, TestId, options), Of(edited, TestId, options));
        }
    }

    [Fact]
    public void Renaming_a_called_helper_changes_the_fingerprint()
    {
        var edited = Source.Edit("Multiply(", "Times(");

        AssertDifferent(Of(Source, TestId), Of(edited, TestId));
    }

    [Fact]
    public void Changing_the_parameters_of_a_called_helper_of_the_test_project_changes_the_fingerprint()
    {
        // The call site reads the same; the method it calls does not.
        var edited = Source.Edit("Multiply(int a, int b)", "Multiply(long a, long b)").Edit("=> a * b;", "=> (int)(a * b);");

        AssertDifferent(Of(Source, TestId), Of(edited, TestId));
    }

    [Fact]
    public void Increment_and_addition_are_told_apart_without_spaces()
    {
        // With spaces dropped, "a++ + b" and "a + ++b" would read alike; operators are kept whole.
        var source = Source.Edit("var total = ", "var a = 1; var b = 2; var c = a++ + b; var total = c + ");
        var edited = source.Edit("a++ + b", "a + ++b");

        AssertDifferent(Of(source, TestId), Of(edited, TestId));
    }

    [Fact]
    public void Changing_the_class_level_agent_changes_the_fingerprint_of_tests_it_tags()
    {
        var edited = Source.Edit("[AgentGenerated(\"claude\")]", "[AgentGenerated(\"claude-code\")]");

        AssertDifferent(Of(Source, "Shop.Tests.ClassTagged.Checks"), Of(edited, "Shop.Tests.ClassTagged.Checks"));
    }

    [Fact]
    public void A_class_level_agent_overridden_by_the_method_does_not_count()
    {
        var source = Source.Edit("[AcceptanceCriteria(\"CART-0\")]", "[AcceptanceCriteria(\"CART-0\"), AgentGenerated(\"someone\")]");
        var edited = source.Edit("AgentGenerated(\"someone\")", "AgentGenerated(\"someone-else\")");

        AssertSame(Of(source, TestId), Of(edited, TestId));
    }

    [Fact]
    public void Criteria_named_on_a_class_level_agent_count_where_the_method_has_its_own_agent()
    {
        var source = Source.Edit("[AcceptanceCriteria(\"CART-0\")]", "[AcceptanceCriteria(\"CART-0\"), AgentGenerated(\"someone\", Criteria = [\"CART-4\"])]");
        var edited = source.Edit("\"CART-4\"", "\"CART-5\"");

        AssertDifferent(Of(source, TestId), Of(edited, TestId));
    }
}
