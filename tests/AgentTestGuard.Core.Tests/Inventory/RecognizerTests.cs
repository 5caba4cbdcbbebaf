using AgentTestGuard.Core.Tests.TestSupport;
using AgentTestGuard.Inventory;
using Xunit;

namespace AgentTestGuard.Core.Tests.Inventory;

/// <summary>Which methods are agent tests: tagged themselves, or test methods of a tagged class.</summary>
public sealed class RecognizerTests
{
    [Fact]
    public void Class_level_tagging_applies_to_the_test_methods_of_every_framework_only()
    {
        const string source = """
            using AgentTestGuard;

            namespace Shop.Tests;

            [AgentGenerated("copilot")]
            public class Mixed
            {
                [Xunit.Fact] public void XunitFact() { }
                [Xunit.Theory, Xunit.InlineData(1)] public void XunitTheory(int value) { }
                [Microsoft.VisualStudio.TestTools.UnitTesting.TestMethod] public void MsTest() { }
                [Microsoft.VisualStudio.TestTools.UnitTesting.DataTestMethod] public void MsTestData() { }
                [NUnit.Framework.Test] public void NUnitTest() { }
                [NUnit.Framework.TestCase(1)] public void NUnitCase(int value) { }
                [TUnit.Core.Test] public void TUnitTest() { }
                [Xunit.Trait("kind", "helper")] public void NotATest() { }
                public void Helper() { }
                public int Property { get; set; }
            }
            """;

        var result = TestCompiler.CompileAndScan(source);

        Assert.Equal(
            ["MsTest", "MsTestData", "NUnitCase", "NUnitTest", "TUnitTest", "XunitFact", "XunitTheory"],
            result.Tests.Select(test => test.MethodName));
        Assert.All(result.Tests, test => Assert.Equal("copilot", test.Agent));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_method_tagged_itself_is_an_agent_test_even_without_a_test_attribute()
    {
        const string source = """
            using AgentTestGuard;

            namespace Shop.Tests;

            public class Plain
            {
                [AgentGenerated("copilot")] public void Tagged() { }
                [Xunit.Fact] public void HumanTest() { }
            }
            """;

        var test = Assert.Single(TestCompiler.CompileAndScan(source).Tests);

        Assert.Equal("Shop.Tests.Plain.Tagged", test.Id);
    }

    [Fact]
    public void The_method_level_agent_and_evidence_override_the_class_level_ones()
    {
        const string source = """
            using AgentTestGuard;
            using Xunit;

            namespace Shop.Tests;

            [AgentGenerated("claude", Model = "class-model")]
            public class Overrides
            {
                [Fact, AgentGenerated("copilot", Session = "run-7")] public void Own() { }
                [Fact] public void Inherited() { }
            }
            """;

        var tests = TestCompiler.CompileAndScan(source).Tests.ToDictionary(test => test.MethodName);

        Assert.Equal("copilot", tests["Own"].Agent);
        Assert.Equal(new AgentEvidence(Session: "run-7"), tests["Own"].Evidence);
        Assert.Equal("claude", tests["Inherited"].Agent);
        Assert.Equal(new AgentEvidence(Model: "class-model"), tests["Inherited"].Evidence);
    }

    [Fact]
    public void A_tag_on_a_base_class_applies_to_the_tests_it_declares_not_to_those_of_derived_classes()
    {
        const string source = """
            using AgentTestGuard;
            using Xunit;

            namespace Shop.Tests;

            [AgentGenerated("copilot")]
            public abstract class TaggedBase
            {
                [Fact] public void Declared() { }
            }

            public class Derived : TaggedBase
            {
                [Fact] public void Own() { }
            }
            """;

        var ids = TestCompiler.CompileAndScan(source).Tests.Select(test => test.Id);

        Assert.Equal(["Shop.Tests.TaggedBase.Declared"], ids);
    }

    [Fact]
    public void A_test_attribute_derived_in_the_same_assembly_is_recognized()
    {
        const string source = """
            using AgentTestGuard;

            namespace Shop.Tests;

            public class SlowFactAttribute : Xunit.FactAttribute { }
            public sealed class VerySlowFactAttribute : SlowFactAttribute { }

            [AgentGenerated("copilot")]
            public class Derived
            {
                [VerySlowFact] public void Slow() { }
                public void NotATest() { }
            }
            """;

        var test = Assert.Single(TestCompiler.CompileAndScan(source).Tests);

        Assert.Equal("Slow", test.MethodName);
    }

    [Fact]
    public void A_test_attribute_derived_in_a_referenced_assembly_is_recognized_through_the_reference_paths()
    {
        const string helperSource = """
            namespace Shop.Testing;

            public class RetryFactAttribute : Xunit.FactAttribute { }
            """;
        const string source = """
            using AgentTestGuard;

            namespace Shop.Tests;

            [AgentGenerated("copilot")]
            public class UsesHelper
            {
                [Shop.Testing.RetryFact] public void Retried() { }
            }
            """;
        using var frameworks = TestCompiler.Compile(StandInFrameworks.Source, new CompileOptions { AssemblyName = "Frameworks", WithFrameworks = false });
        using var helper = TestCompiler.Compile(
            helperSource,
            new CompileOptions { AssemblyName = "Shop.Testing", WithFrameworks = false, References = [frameworks.Path] });
        using var tests = TestCompiler.Compile(
            source,
            new CompileOptions { WithFrameworks = false, References = [helper.Path, frameworks.Path] });

        var withReferences = AssemblyScanner.Scan(new ScanRequest(tests.Path) { ReferencePaths = [helper.Path, frameworks.Path] });
        var withoutReferences = AssemblyScanner.Scan(new ScanRequest(tests.Path));

        Assert.Equal("Shop.Tests.UsesHelper.Retried", Assert.Single(withReferences.Tests).Id);
        Assert.Empty(withoutReferences.Tests);
    }

    [Fact]
    public void A_reference_is_found_by_its_assembly_name_when_the_file_is_named_otherwise()
    {
        const string source = """
            using AgentTestGuard;

            namespace Shop.Tests;

            [AgentGenerated("copilot")]
            public class UsesRenamed
            {
                [Xunit.Fact] public void Works() { }
            }
            """;
        using var frameworks = TestCompiler.Compile(StandInFrameworks.Source, new CompileOptions { AssemblyName = "Frameworks", WithFrameworks = false });
        using var tests = TestCompiler.Compile(source, new CompileOptions { WithFrameworks = false, References = [frameworks.Path] });
        var renamed = Path.Combine(frameworks.Directory, "renamed.dll");
        File.Copy(frameworks.Path, renamed);

        var result = AssemblyScanner.Scan(new ScanRequest(tests.Path) { ReferencePaths = [renamed] });

        Assert.Single(result.Tests);
    }

    [Fact]
    public void Nested_test_classes_get_ids_with_a_plus_and_only_their_own_class_tags()
    {
        const string source = """
            using AgentTestGuard;
            using Xunit;

            namespace Shop.Tests;

            [AgentGenerated("outer-agent")]
            public class Outer
            {
                [Fact] public void OuterTest() { }

                public class Inner
                {
                    [Fact, AgentGenerated("copilot")] public void InnerTest() { }
                    [Fact] public void UntaggedInnerTest() { }
                }
            }
            """;

        var result = TestCompiler.CompileAndScan(source);

        Assert.Equal(["Shop.Tests.Outer+Inner.InnerTest", "Shop.Tests.Outer.OuterTest"], result.Tests.Select(test => test.Id));
        var inner = result.Tests[0];
        Assert.Equal("Shop.Tests.Outer+Inner", inner.TypeName);
        Assert.Equal("InnerTest", inner.MethodName);
    }

    [Fact]
    public void Tests_are_sorted_by_id_ordinally()
    {
        const string source = """
            using AgentTestGuard;
            using Xunit;

            namespace Shop.Tests;

            [AgentGenerated("copilot")]
            public class Zeta { [Fact] public void b() { } [Fact] public void B() { } [Fact] public void a() { } }

            [AgentGenerated("copilot")]
            public class Alpha { [Fact] public void Z() { } }
            """;

        var ids = TestCompiler.CompileAndScan(source).Tests.Select(test => test.Id).ToList();

        Assert.Equal(["Shop.Tests.Alpha.Z", "Shop.Tests.Zeta.B", "Shop.Tests.Zeta.a", "Shop.Tests.Zeta.b"], ids);
    }
}
