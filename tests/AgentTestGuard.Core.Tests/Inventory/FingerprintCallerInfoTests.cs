using AgentTestGuard.Core.Tests.TestSupport;
using AgentTestGuard.Inventory;
using Xunit;
using static AgentTestGuard.Core.Tests.TestSupport.Fingerprints;

namespace AgentTestGuard.Core.Tests.Inventory;

/// <summary>
/// xunit v3's [Fact] and MSTest 4's [TestMethod] take [CallerFilePath] and [CallerLineNumber], so the
/// compiler writes the test's source path and line into the attribute. Neither may reach the fingerprint:
/// a line added above the test, or a build in another folder (a CI agent's, or a deterministic build's
/// /_/ paths), would otherwise void every approval.
/// </summary>
public sealed class FingerprintCallerInfoTests
{
    private const string TestId = "Shop.Tests.CartTests.Adds_item";

    private const string Source = """
        using AgentTestGuard;
        using Microsoft.VisualStudio.TestTools.UnitTesting;
        using Xunit;

        namespace Shop.Tests;

        public class CartTests
        {
            [Fact, AgentGenerated("copilot"), AcceptanceCriteria("CART-1")]
            public void Adds_item()
            {
                System.Console.WriteLine("adds");
            }

            [TestMethod(DisplayName = "named"), AgentGenerated("copilot"), AcceptanceCriteria("CART-1")]
            public void Named() { }
        }
        """;

    private const string LinesAbove = "public class CartTests\n{\n    // a comment\n\n    public void Before() { }\n";

    [Fact]
    public void Lines_added_above_the_test_keep_the_fingerprint()
    {
        var moved = Source.Edit("public class CartTests\n{\n", LinesAbove);

        AssertSame(Of(Source, TestId), Of(moved, TestId));
        AssertSame(Of(Source, "Shop.Tests.CartTests.Named"), Of(moved, "Shop.Tests.CartTests.Named"));
    }

    [Fact]
    public void Another_source_path_keeps_the_fingerprint()
    {
        var elsewhere = new CompileOptions { SourcePath = "/home/dev/repo/tests/Shop.Tests/CartTests.cs" };

        AssertSame(Of(Source, TestId), Of(Source, TestId, elsewhere));
    }

    [Fact]
    public void Other_arguments_of_the_same_attribute_still_count()
    {
        AssertDifferent(Of(Source, TestId), Of(Source.Edit("[Fact,", "[Fact(Skip = \"flaky\"),"), TestId));
        AssertDifferent(
            Of(Source, "Shop.Tests.CartTests.Named"),
            Of(Source.Edit("[TestMethod(DisplayName = \"named\")", "[TestMethod(DisplayName = \"renamed\")"), "Shop.Tests.CartTests.Named"));
    }

    [Fact]
    public void Caller_info_of_an_attribute_from_a_referenced_assembly_is_left_out()
    {
        using var frameworks = TestCompiler.Compile(StandInFrameworks.Source, new CompileOptions { AssemblyName = "Frameworks", WithFrameworks = false });
        string Fingerprint(string source, string path)
        {
            using var tests = TestCompiler.Compile(source, new CompileOptions { WithFrameworks = false, References = [frameworks.Path], SourcePath = path });
            var scan = AssemblyScanner.Scan(new ScanRequest(tests.Path) { ReferencePaths = [frameworks.Path] });
            return Assert.Single(scan.Tests, t => t.Id == TestId).Fingerprint;
        }

        var original = Fingerprint(Source, "/_/tests/CartTests.cs");

        Assert.Equal(original, Fingerprint(Source.Edit("public class CartTests\n{\n", LinesAbove), "/_/tests/CartTests.cs"));
        Assert.Equal(original, Fingerprint(Source, "/home/dev/CartTests.cs"));
        Assert.NotEqual(original, Fingerprint(Source.Edit("[Fact,", "[Fact(Skip = \"flaky\"),"), "/_/tests/CartTests.cs"));
    }

    // An attribute whose arguments take every shape an attribute blob holds, then caller info.
    private const string RichSource = """
        using System;
        using System.Runtime.CompilerServices;
        using AgentTestGuard;
        using Xunit;

        namespace Shop.Tests;

        public class CaseAttribute : Attribute
        {
            public CaseAttribute(object boxed, int[] numbers, object[] mixed, Type type, string text, [CallerLineNumber] int line = 0) { }
        }

        public class CartTests
        {
            [Fact, AgentGenerated("copilot"), AcceptanceCriteria("CART-1")]
            [Case(1.5, new[] { 1, 2 }, new object[] { 1, "a", null, typeof(int), new[] { 3L } }, typeof(string), "text")]
            public void Adds_item() { }
        }
        """;

    [Fact]
    public void Arguments_of_every_shape_are_read_past_to_the_caller_info()
    {
        var original = Of(RichSource, TestId);

        AssertSame(original, Of(RichSource.Edit("public class CartTests\n{\n", LinesAbove), TestId));
        Assert.Contains("caller-info", original.Text, StringComparison.Ordinal);
        AssertDifferent(original, Of(RichSource.Edit("\"a\", null", "\"b\", null"), TestId));
        AssertDifferent(original, Of(RichSource.Edit("new[] { 3L }", "new[] { 4L }"), TestId));
        AssertDifferent(original, Of(RichSource.Edit("typeof(string), \"text\"", "typeof(int), \"text\""), TestId));
    }
}
