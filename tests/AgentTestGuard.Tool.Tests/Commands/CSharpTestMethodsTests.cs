using AgentTestGuard.Tool.Commands.Verify;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Commands;

public sealed class CSharpTestMethodsTests
{
    private const string Source = """
        using Xunit;

        namespace Shop.Tests;

        [AgentGenerated("copilot")]
        public class TaggedClass
        {
            [Fact]
            public void Inherits_the_tag() { }
        }

        public class Plain
        {
            [Fact]
            [AgentTestGuard.AgentGeneratedAttribute("copilot")]
            public void Tagged_on_its_own_line() { }

            [Xunit.Fact]
            public void Untagged()
            {
            }

            [AgentFact("claude-code")]
            public void Agent_fact() { }

            [MSTest.TestMethod] public void MSTest_style() { }

            public void Not_a_test() { }

            public class Nested
            {
                [TestCase(1)]
                public void In_a_nested_type(int value) { }
            }
        }
        """;

    [Fact]
    public void Test_methods_with_their_ids_tags_and_lines()
    {
        var tests = CSharpTestMethods.Find(Source);

        Assert.Equal(
            [
                ("Shop.Tests.TaggedClass.Inherits_the_tag", true, 8, 9, 9),
                ("Shop.Tests.Plain.Tagged_on_its_own_line", true, 14, 16, 16),
                ("Shop.Tests.Plain.Untagged", false, 18, 21, 19),
                ("Shop.Tests.Plain.Agent_fact", true, 23, 24, 24),
                ("Shop.Tests.Plain.MSTest_style", false, 26, 26, 26),
                ("Shop.Tests.Plain+Nested.In_a_nested_type", false, 32, 33, 33),
            ],
            tests.Select(t => (t.Id, t.Tagged, t.FirstLine, t.LastLine, t.NameLine)));
    }

    [Fact]
    public void A_line_in_the_header_of_a_type_around_a_test_touches_it()
    {
        var inherited = CSharpTestMethods.Find(Source)[0];

        Assert.True(CSharpTestMethods.Touches(inherited, [5]));
        Assert.False(CSharpTestMethods.Touches(inherited, [3, 10]));
    }
}
