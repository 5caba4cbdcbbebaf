using AgentTestGuard.Core.Tests.TestSupport;
using Microsoft.CodeAnalysis;
using Xunit;
using static AgentTestGuard.Core.Tests.TestSupport.Fingerprints;

namespace AgentTestGuard.Core.Tests.Inventory;

/// <summary>
/// What a call resolves to is part of the test (issue 30, item 9): a look-alike of the assertion library's
/// <c>Assert</c> declared in the test project keeps every call site's text, and must still void approvals.
/// </summary>
public sealed class FingerprintResolutionTests
{
    private const string TestId = "Shop.Tests.CartTests.Totals";

    private const string Library = """
        [assembly: System.Reflection.AssemblyVersion("1.0.0.0")]

        namespace Xunit
        {
            public static class Assert
            {
                public static void Equal(int expected, int actual)
                {
                    if (expected != actual) throw new System.InvalidOperationException("values differ");
                }
            }
        }
        """;

    private const string Source = """
        using AgentTestGuard;
        using Xunit;

        namespace Shop.Tests;

        public class CartTests
        {
            [Fact, AgentGenerated("copilot")]
            public void Totals()
            {
                var total = 2 + 2;
                Assert.Equal(5, total);
            }
        }
        """;

    // Does nothing, as an agent told to "make CI green" would write it.
    private const string Shadow = """
        namespace Xunit
        {
            internal static class Assert
            {
                public static void Equal(int expected, int actual) { }
            }
        }
        """;

    [Theory]
    [InlineData(OptimizationLevel.Debug)]
    [InlineData(OptimizationLevel.Release)]
    public void Shadowing_the_assertion_type_in_the_test_project_changes_the_fingerprint(OptimizationLevel optimization)
    {
        using var library = TestCompiler.Compile(Library, new CompileOptions { AssemblyName = "Shop.Assertions", WithFrameworks = false });
        var options = new CompileOptions { Optimization = optimization, References = [library.Path] };

        var original = Of(Source, TestId, options);
        var shadowed = Of(Source, TestId, options with { ExtraSources = [("/_/tests/Shop.Tests/Assert.cs", Shadow)] });

        AssertDifferent(original, shadowed);
        Assert.Contains("reference 36:Shop.Assertions/ Xunit.Assert::Equal\n", original.Text, StringComparison.Ordinal);
        Assert.Contains("reference 50:this Xunit.Assert::Equal 00 `0 Void(Int32,Int32/2)\n", shadowed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_version_of_the_library_keeps_the_fingerprint()
    {
        using var library = TestCompiler.Compile(Library, new CompileOptions { AssemblyName = "Shop.Assertions", WithFrameworks = false });
        using var upgraded = TestCompiler.Compile(
            Library.Edit("1.0.0.0", "2.1.0.0").Edit("values differ", "the values differ"),
            new CompileOptions { AssemblyName = "Shop.Assertions", WithFrameworks = false });

        AssertSame(
            Of(Source, TestId, new CompileOptions { References = [library.Path] }),
            Of(Source, TestId, new CompileOptions { References = [upgraded.Path] }));
    }

    [Fact]
    public void Calls_into_the_framework_are_not_listed()
    {
        // Which framework overload or helper the compiler uses differs by target framework and C# version.
        var source = Source.Edit("var total = 2 + 2;", "var total = string.Join(\",\", \"a\", \"b\").Length + System.Linq.Enumerable.Count([1]);")
            .Edit("Assert.Equal(5, total);", "if (total != 4) throw new System.InvalidOperationException();");

        var text = Of(source, TestId).Text;

        Assert.DoesNotContain("reference", text, StringComparison.Ordinal);
    }
}
