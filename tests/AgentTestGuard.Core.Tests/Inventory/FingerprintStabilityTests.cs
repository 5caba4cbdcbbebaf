using AgentTestGuard.Core.Tests.TestSupport;
using Microsoft.CodeAnalysis;
using Xunit;
using static AgentTestGuard.Core.Tests.TestSupport.Fingerprints;

namespace AgentTestGuard.Core.Tests.Inventory;

/// <summary>Rules 1 and 2: rebuilding, or changing anything but the test, keeps its fingerprint.</summary>
public sealed class FingerprintStabilityTests
{
    private const string TestId = "Shop.Tests.CartTests.Adds_item";

    // The test has a lambda, a captured local, a string literal and an array initializer: everything whose
    // compiled form carries an ordinal, a heap offset or a token.
    private const string Source = """
        using System;
        using System.Linq;
        using AgentTestGuard;
        using Xunit;

        namespace Shop.Tests;

        public class CartTests
        {
            [Fact, AgentGenerated("copilot"), AcceptanceCriteria("CART-1")]
            public void Adds_item()
            {
                var prices = new[] { 10, 20, 30, 40 };
                var limit = 15;
                var total = prices.Where(price => price > limit).Select(price => price * 2).Sum();
                if (total != Helper.Expected("cart")) throw new InvalidOperationException("wrong total");
            }

            public void Other()
            {
                Console.WriteLine("other");
            }
        }

        public static class Helper
        {
            public static int Expected(string name) => name.Length;
        }
        """;

    [Theory]
    [InlineData(OptimizationLevel.Debug)]
    [InlineData(OptimizationLevel.Release)]
    public void Same_source_compiled_twice_has_the_same_fingerprint(OptimizationLevel optimization)
    {
        var options = CompileOptions.For(optimization);

        AssertSame(Of(Source, TestId, options), Of(Source, TestId, options));
    }

    [Fact]
    public void Where_the_pdb_goes_does_not_change_the_fingerprint()
    {
        AssertSame(Of(Source, TestId), Of(Source, TestId, new CompileOptions { Pdb = PdbKind.SideBySide }));
    }

    [Fact]
    public void The_fingerprint_is_v2_and_32_lowercase_hex_characters()
    {
        Assert.Matches("^v2:[0-9a-f]{32}$", Of(Source, TestId).Fingerprint);
    }

    [Theory]
    [InlineData(OptimizationLevel.Debug)]
    [InlineData(OptimizationLevel.Release)]
    public void Editing_another_method_keeps_the_fingerprint(OptimizationLevel optimization)
    {
        var edited = Source.Edit("""Console.WriteLine("other");""", """Console.WriteLine("changed"); Console.WriteLine(42);""");

        AssertSame(Of(Source, TestId, CompileOptions.For(optimization)), Of(edited, TestId, CompileOptions.For(optimization)));
    }

    [Theory]
    [InlineData(OptimizationLevel.Debug)]
    [InlineData(OptimizationLevel.Release)]
    public void Adding_a_method_with_lambdas_and_literals_before_the_test_keeps_the_fingerprint(OptimizationLevel optimization)
    {
        // Shifts the method ordinals in lambda and display class names, and the test's string heap offsets.
        var edited = Source.Edit("""
                [Fact, AgentGenerated("copilot")
            """, """
                public int Before(int[] values)
                {
                    var offset = 3;
                    Console.WriteLine("before");
                    return values.Select(value => value + offset).Where(value => value > 1).Count();
                }

                [Fact, AgentGenerated("copilot")
            """);

        AssertSame(Of(Source, TestId, CompileOptions.For(optimization)), Of(edited, TestId, CompileOptions.For(optimization)));
    }

    [Fact]
    public void Adding_a_class_and_string_literals_elsewhere_keeps_the_fingerprint()
    {
        var edited = Source.Edit("namespace Shop.Tests;\n", """
            namespace Shop.Tests;

            public class AddedFirst
            {
                public string Text() => "cart" + "wrong total" + "another literal";

                public int[] Data() => new[] { 1, 2, 3, 4, 5, 6, 7, 8 };
            }

            """);

        AssertSame(Of(Source, TestId), Of(edited, TestId));
    }

    [Fact]
    public void Changing_a_helper_body_keeps_the_fingerprint()
    {
        // Helpers are bound by name and signature only: a test is not re-reviewed for every shared utility edit.
        var edited = Source.Edit("=> name.Length;", "=> name.Length * 2;");

        AssertSame(Of(Source, TestId), Of(edited, TestId));
    }

    [Theory]
    [InlineData(OptimizationLevel.Debug)]
    [InlineData(OptimizationLevel.Release)]
    public void Reformatting_the_test_and_editing_its_comments_keeps_the_fingerprint(OptimizationLevel optimization)
    {
        // Re-indented (a file-scoped namespace made block-scoped), lines joined and split, comments added:
        // what a formatter or a reviewer's note does, never what runs.
        var edited = Source
            .Edit("namespace Shop.Tests;\n", "namespace Shop.Tests\n{\n")
            .Edit("var limit = 15;", "var limit=15; // the cheapest item is excluded\n      /* a block\n         comment */")
            .Edit(".Select(price => price * 2)", "\n                .Select( price=>price*2 )")
            .Edit("public static int Expected", "/// <summary>doc</summary>\n    public static int Expected") + "\n}\n";

        AssertSame(Of(Source, TestId, CompileOptions.For(optimization)), Of(edited, TestId, CompileOptions.For(optimization)));
    }

    [Fact]
    public void Reordering_attributes_keeps_the_fingerprint()
    {
        var edited = Source.Edit("""[Fact, AgentGenerated("copilot"), AcceptanceCriteria("CART-1")]""", """[AcceptanceCriteria("CART-1"), AgentGenerated("copilot"), Fact]""");

        AssertSame(Of(Source, TestId), Of(edited, TestId));
    }

    [Fact]
    public void Changing_the_nullability_of_other_members_keeps_the_fingerprint()
    {
        // The compiler puts [NullableContext] on the class or on each method depending on which nullability
        // is most common among the class's members.
        const string source = """
            using AgentTestGuard;
            using Xunit;

            namespace Shop.Tests;

            public class NullableTests
            {
                [Theory, AgentGenerated("copilot")]
                public void Greets(string name, string title) => System.Console.WriteLine(title + name);

                public void D(string a, string b) { }
                public void E(string a, string b) { }
            }
            """;
        var edited = source.Edit("    [Theory", """
                public void A(string? a, string? b) { }
                public void B(string? a, string? b) { }
                public void C(string? a, string? b) { }
                public void F(string? a, string? b) { }
                public void G(string? a, string? b) { }

                [Theory
            """);

        AssertSame(Of(source, "Shop.Tests.NullableTests.Greets"), Of(edited, "Shop.Tests.NullableTests.Greets"));
    }
}
