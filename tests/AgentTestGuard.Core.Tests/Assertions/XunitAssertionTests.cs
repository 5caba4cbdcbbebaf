using AgentTestGuard.Assertions;
using AgentTestGuard.Core.Tests.TestSupport;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AgentTestGuard.Core.Tests.Assertions;

/// <summary>AGT0020 on tests compiled against real xunit v3: what counts as an assertion, in each shape the compiler gives a test.</summary>
public sealed class XunitAssertionTests
{
    private const string Source = """
        using Xunit;

        namespace Shop.Tests;

        public class CartTests
        {
            private static int Price(int quantity) => quantity * 3;

            [Fact, AgentGenerated("copilot")]
            public void Asserts() => Assert.Equal(6, Price(2));

            [Fact, AgentGenerated("copilot")]
            public void Calls_without_asserting() => Price(2);

            [Fact, AgentGenerated("copilot")]
            public void Does_nothing() { }

            [Fact, AgentGenerated("copilot")]
            public void Expects_an_exception_in_a_lambda() => Assert.Throws<DivideByZeroException>(() => 1 / (Price(0)));

            [Fact, AgentGenerated("copilot")]
            public async Task Asserts_after_await()
            {
                await Task.Yield();
                Assert.Equal(6, Price(2));
            }

            [Fact, AgentGenerated("copilot")]
            public async Task Awaits_without_asserting()
            {
                await Task.Yield();
                Price(2);
            }

            [Fact, AgentGenerated("copilot")]
            public async Task Expects_an_exception_asynchronously() =>
                await Assert.ThrowsAsync<InvalidOperationException>(async () => { await Task.Yield(); throw new InvalidOperationException(); });

            [Fact, AgentGenerated("copilot")]
            public void Asserts_in_a_local_function()
            {
                var total = Price(2);
                Check();
                void Check() => Assert.Equal(6, total);
            }

            [Fact, AgentGenerated("copilot")]
            public void Records_an_exception() => Assert.Null(Record.Exception(() => Price(1)));

            [Fact, AgentGenerated("copilot")]
            public void Calls_a_helper_that_asserts() => HasPrice(2, 6);

            [Fact, AgentGenerated("copilot")]
            public void Calls_a_helper_that_does_not() => Compute(2);

            [Fact, AgentGenerated("copilot")]
            public void Throws_when_wrong()
            {
                if (Price(2) != 6)
                {
                    throw new InvalidOperationException("wrong price");
                }
            }

            [Fact, AgentGenerated("copilot")]
            public void True_of_true() => Assert.True(true);

            [Fact, AgentGenerated("copilot")]
            public void False_of_a_constant_false() => Assert.False(false);

            [Fact, AgentGenerated("copilot")]
            public void Four_is_four() => Assert.Equal(4, 4);

            [Fact, AgentGenerated("copilot")]
            public void Folded_constant() => Assert.Equal(2 + 2, 4);

            [Fact, AgentGenerated("copilot")]
            public void Same_string() => Assert.Equal("total", "total");

            [Fact, AgentGenerated("copilot")]
            public void Same_local_both_sides()
            {
                var total = Price(2);
                Assert.Equal(total, total);
            }

            [Fact, AgentGenerated("copilot")]
            public void Same_local_is_same_object()
            {
                var cart = new object();
                Assert.Same(cart, cart);
            }

            [Fact, AgentGenerated("copilot")]
            public void Constant_against_a_result() => Assert.Equal(4, Price(2) - 2);

            [Fact, AgentGenerated("copilot")]
            public void Two_locals()
            {
                var expected = 6;
                var actual = Price(2);
                Assert.Equal(expected, actual);
            }

            [Fact, AgentGenerated("copilot")]
            public void True_of_a_result() => Assert.True(Price(2) == 6);

            [Fact, AgentGenerated("copilot")]
            public void Conditional_argument() => Assert.Equal(4, Price(1) > 0 ? 4 : 5);

            [Fact, AgentGenerated("copilot")]
            public void Two_results_of_one_call() => Assert.Equal(Price(2), Price(2));

            private static void HasPrice(int quantity, int expected) => Assert.Equal(expected, Price(quantity));

            private static int Compute(int quantity) => Price(quantity) + 1;
        }
        """;

    public static TheoryData<OptimizationLevel> Optimizations => [OptimizationLevel.Debug, OptimizationLevel.Release];

    [Theory]
    [MemberData(nameof(Optimizations))]
    public void Tests_that_can_fail_have_no_finding(OptimizationLevel optimization)
    {
        var findings = AssertionCompilation.Findings(Source, optimization);

        string[] canFail =
        [
            "Asserts", "Expects_an_exception_in_a_lambda", "Asserts_after_await", "Expects_an_exception_asynchronously",
            "Asserts_in_a_local_function", "Records_an_exception", "Calls_a_helper_that_asserts", "Throws_when_wrong",
            "Constant_against_a_result", "Two_locals", "True_of_a_result", "Conditional_argument", "Two_results_of_one_call",
        ];
        Assert.All(canFail, name => Assert.Null(findings[name]));
    }

    [Theory]
    [MemberData(nameof(Optimizations))]
    public void Tests_without_assertions_are_found(OptimizationLevel optimization)
    {
        var findings = AssertionCompilation.Findings(Source, optimization);

        foreach (var name in new[] { "Calls_without_asserting", "Does_nothing", "Awaits_without_asserting", "Calls_a_helper_that_does_not" })
        {
            Assert.Equal(new CannotFail(CannotFailReason.NoAssertion, "calls no assertion and expects no exception"), findings[name]);
        }
    }

    [Theory]
    [MemberData(nameof(Optimizations))]
    public void Assertions_that_cannot_fail_are_found(OptimizationLevel optimization)
    {
        var findings = AssertionCompilation.Findings(Source, optimization);

        Assert.Equal(new CannotFail(CannotFailReason.TrivialAssertion, "Xunit.Assert::True is given a constant that makes it pass"), findings["True_of_true"]);
        Assert.Equal(new CannotFail(CannotFailReason.TrivialAssertion, "Xunit.Assert::False is given a constant that makes it pass"), findings["False_of_a_constant_false"]);
        var same = new CannotFail(CannotFailReason.TrivialAssertion, "Xunit.Assert::Equal is given the same value on both sides");
        Assert.Equal(same, findings["Four_is_four"]);
        Assert.Equal(same, findings["Folded_constant"]);
        Assert.Equal(same, findings["Same_string"]);
        Assert.Equal(same, findings["Same_local_both_sides"]);
        Assert.Equal(new CannotFail(CannotFailReason.TrivialAssertion, "Xunit.Assert::Same is given the same value on both sides"), findings["Same_local_is_same_object"]);
    }
}
