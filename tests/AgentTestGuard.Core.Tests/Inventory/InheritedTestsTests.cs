using AgentTestGuard.Core.Tests.TestSupport;
using Xunit;

namespace AgentTestGuard.Core.Tests.Inventory;

/// <summary>
/// An agent test declared in a base class runs as a test of every concrete class inheriting it, under
/// that class's name: the inventory lists those classes so that the run can classify each such run.
/// </summary>
public sealed class InheritedTestsTests
{
    [Fact]
    public void Concrete_classes_inheriting_a_test_are_listed_unless_they_override_it()
    {
        const string source = """
            using AgentTestGuard;
            using Xunit;

            namespace Shop.Tests;

            [AgentGenerated("copilot")]
            public abstract class TaggedBase
            {
                [Fact] public void Declared() { }
                [Fact] public virtual void Overridable() { }
            }

            public class Derived : TaggedBase
            {
                [Fact] public void Own() { }
            }

            public abstract class Middle : TaggedBase { }

            public class Leaf : Middle
            {
                public override void Overridable() { }
            }

            public class Outer
            {
                public class Nested : TaggedBase { }
            }

            public abstract class GenericBase<T>
            {
                [Fact, AgentGenerated("claude")] public void Typed() { }
            }

            public class IntCase : GenericBase<int> { }

            public class OpenCase<T> : GenericBase<T> { }
            """;

        var tests = TestCompiler.CompileAndScan(source).Tests.ToDictionary(test => test.Id, test => test.InheritedBy);

        Assert.Equal(["Shop.Tests.GenericBase`1.Typed", "Shop.Tests.TaggedBase.Declared", "Shop.Tests.TaggedBase.Overridable"], tests.Keys);
        Assert.Equal(["Shop.Tests.Derived", "Shop.Tests.Leaf", "Shop.Tests.Outer+Nested"], tests["Shop.Tests.TaggedBase.Declared"]);
        Assert.Equal(["Shop.Tests.Derived", "Shop.Tests.Outer+Nested"], tests["Shop.Tests.TaggedBase.Overridable"]);
        Assert.Equal(["Shop.Tests.IntCase"], tests["Shop.Tests.GenericBase`1.Typed"]);
    }

    [Fact]
    public void A_concrete_class_runs_its_own_tests_and_passes_them_on_a_class_without_subclasses_lists_none()
    {
        const string source = """
            using AgentTestGuard;
            using Xunit;

            namespace Shop.Tests;

            public class Plain
            {
                [Fact, AgentGenerated("copilot")] public void Tagged() { }
            }

            public sealed class Derived : Plain { }

            public class Alone
            {
                [Fact, AgentGenerated("copilot")] public void Solo() { }
            }
            """;

        var tests = TestCompiler.CompileAndScan(source).Tests.ToDictionary(test => test.Id, test => test.InheritedBy);

        Assert.Equal(["Shop.Tests.Derived"], tests["Shop.Tests.Plain.Tagged"]);
        Assert.Empty(tests["Shop.Tests.Alone.Solo"]);
    }
}
