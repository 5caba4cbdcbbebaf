using AgentTestGuard.Assertions;
using AgentTestGuard.Configuration;
using AgentTestGuard.Core.Tests.Configuration;
using AgentTestGuard.Core.Tests.TestSupport;
using Xunit;

namespace AgentTestGuard.Core.Tests.Assertions;

/// <summary>The policy's <c>assertions</c>, and the AGT0020 warning the build reports.</summary>
public sealed class AssertionPolicyTests
{
    private const string Source = """
        namespace Shop.Testing
        {
            // The repository's own assertion: it fails through a second helper, deeper than AGT0020 follows.
            public static class Expect
            {
                public static void ThatPositive(int value) => Fail.When(value <= 0);
            }

            public static class Fail
            {
                public static void When(bool failed)
                {
                    if (failed)
                    {
                        throw new InvalidOperationException("failed");
                    }
                }
            }
        }

        namespace Shop.Tests
        {
            public class CartTests
            {
                [AgentGenerated("copilot")]
                public void Uses_the_own_assertion() => Shop.Testing.Expect.ThatPositive(3);

                [AgentGenerated("copilot")]
                public void Four_is_four() => Xunit.Assert.Equal(4, 4);
            }
        }
        """;

    [Fact]
    public void Without_a_pattern_a_helper_two_levels_deep_is_not_seen_and_the_warning_names_the_test_and_its_line()
    {
        var (tests, warnings) = AssertionCompilation.Apply(Source);

        Assert.Equal(CannotFailReason.NoAssertion, tests.Single(test => test.MethodName == "Uses_the_own_assertion").CannotFail?.Reason);
        Assert.Equal(
            [
                ("AGT0020", "/_/tests/Shop.Tests/CartTests.cs", SourceLines.LineOf(Source, "=> Xunit.Assert.Equal(4, 4)"),
                    "Agent test 'Shop.Tests.CartTests.Four_is_four' has an assertion that cannot fail: Xunit.Assert::Equal is given the same value on both sides. Compare what the code under test returns with the value it should return."),
                ("AGT0020", "/_/tests/Shop.Tests/CartTests.cs", SourceLines.LineOf(Source, "=> Shop.Testing.Expect.ThatPositive(3)"),
                    "Agent test 'Shop.Tests.CartTests.Uses_the_own_assertion' cannot fail: its code calls no assertion and expects no exception. Assert what it checks (xunit, MSTest, NUnit, TUnit, FluentAssertions, Shouldly or Verify), or name the repository's own assertion methods in the policy's 'assertions'."),
            ],
            warnings.Select(warning => (warning.Code, warning.File!, warning.Line, warning.Message)));
    }

    [Theory]
    [InlineData("Shop.Testing.Expect")]
    [InlineData("Shop.Testing.Expect::That*")]
    [InlineData("Shop.*::ThatPositive")]
    public void A_pattern_of_the_policy_makes_a_method_an_assertion(string pattern)
    {
        var (tests, warnings) = AssertionCompilation.Apply(Source, pattern);

        Assert.Null(tests.Single(test => test.MethodName == "Uses_the_own_assertion").CannotFail);
        Assert.Equal("Shop.Tests.CartTests.Four_is_four", Assert.Single(warnings).Message.Split('\'')[1]);
    }

    [Theory]
    [InlineData("Shop.Testing.Expect::Other")]
    [InlineData("Shop.Testing")]
    [InlineData("Shop.*::ThatNegative")]
    public void A_pattern_that_names_other_methods_changes_nothing(string pattern)
    {
        var (_, warnings) = AssertionCompilation.Apply(Source, pattern);

        Assert.Equal(2, warnings.Count);
    }

    [Fact]
    public void The_policy_reads_the_patterns()
    {
        using var file = new TempFile("p.json", """{ "agents": ["copilot"], "assertions": ["Shop.Testing.Expect", "Shop.Testing.Http::Ensure*"] }""");

        var policy = Policy.Load(file.Path, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(["Shop.Testing.Expect", "Shop.Testing.Http::Ensure*"], policy!.Assertions.Select(pattern => pattern.Text));
    }

    [Theory]
    [InlineData("""{ "agents": [], "assertions": "Shop.Expect" }""", 1, 31, "Expected 'assertions' to be a JSON array.")]
    [InlineData("""{ "agents": [], "assertions": [3] }""", 1, 32, "Expected each assertion pattern to be a non-empty string.")]
    [InlineData("{ \"agents\": [],\n  \"assertions\": [\"Shop.Expect\", \"A::B::C\"] }", 2, 33, "'A::B::C' is not an assertion pattern: write Namespace.Type or Namespace.Type::Method, with * for any characters (e.g. \"Shop.Testing.Expect::That*\").")]
    [InlineData("""{ "agents": [], "assertions": ["*::Check*"] }""", 1, 32, "'*::Check*' would count every call as an assertion: name the namespace or type of the assertion methods (e.g. \"Shop.Testing.*\").")]
    [InlineData("""{ "agents": [], "assertions": ["Expect.That(x)"] }""", 1, 32, "'Expect.That(x)' is not an assertion pattern: names have no spaces, ':', parentheses or commas; write Namespace.Type or Namespace.Type::Method.")]
    public void A_bad_pattern_is_an_error_at_its_position(string json, int line, int column, string message)
    {
        using var file = new TempFile("p.json", json);

        var policy = Policy.Load(file.Path, out var diagnostics);

        Assert.Null(policy);
        var error = Assert.Single(diagnostics);
        Assert.Equal(("AGT0005", line, column, message), (error.Code, error.Line, error.Column, error.Message));
    }
}
