using AgentTestGuard.Core.Tests.TestSupport;
using Microsoft.CodeAnalysis;
using Xunit;
using static AgentTestGuard.Core.Tests.TestSupport.Fingerprints;

namespace AgentTestGuard.Core.Tests.Inventory;

/// <summary>
/// Rules 4 and 5: code the compiler moves out of the test method (async and iterator state machines, lambdas,
/// local functions) still belongs to the test, and only to it.
/// </summary>
public sealed class FingerprintGeneratedCodeTests
{
    private const string AsyncSource = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using AgentTestGuard;
        using Xunit;

        namespace Shop.Tests;

        [AgentGenerated("copilot")]
        public class CheckoutTests
        {
            [Fact]
            public async Task Pays()
            {
                var receipt = await Pay(10);
                if (receipt != "paid 10") throw new InvalidOperationException(receipt);
                await Task.Delay(1);
            }

            [Fact]
            public async Task Refunds()
            {
                var receipt = await Pay(20);
                if (receipt == "") throw new InvalidOperationException("refund");
            }

            [Fact]
            public IEnumerable<int> Counts()
            {
                yield return 1;
                yield return 2;
            }

            private static async Task<string> Pay(int amount)
            {
                await Task.Yield();
                return "paid " + amount;
            }
        }
        """;

    private const string LambdaSource = """
        using System;
        using System.Linq;
        using System.Threading.Tasks;
        using AgentTestGuard;
        using Xunit;

        namespace Shop.Tests;

        [AgentGenerated("copilot")]
        public class LambdaTests
        {
            [Fact]
            public void Filters()
            {
                var minimum = 2;
                var kept = new[] { 1, 2, 3 }.Where(value => value > minimum).Select(value => value + 1).ToArray();
                Func<int, int> twice = value => value * 2;
                if (Check(kept.Length) != twice(1)) throw new InvalidOperationException();

                int Check(int count) => count + minimum;
            }

            [Fact]
            public async Task Awaits_in_a_lambda()
            {
                Func<Task<int>> load = async () => { await Task.Yield(); return 41; };
                if (await load() != 41) throw new InvalidOperationException();
            }

            [Fact]
            public void Other()
            {
                var values = new[] { 5, 6 }.Select(value => value - 1).ToArray();
                Func<int, int> negate = value => -value;
                if (negate(values[0]) > 0) throw new InvalidOperationException();
            }
        }
        """;

    [Theory]
    [InlineData(OptimizationLevel.Debug)]
    [InlineData(OptimizationLevel.Release)]
    public void Editing_an_awaited_expression_changes_the_async_test(OptimizationLevel optimization)
    {
        var options = CompileOptions.For(optimization);
        var edited = AsyncSource.Edit("await Pay(10)", "await Pay(11)");

        AssertDifferent(Of(AsyncSource, "Shop.Tests.CheckoutTests.Pays", options), Of(edited, "Shop.Tests.CheckoutTests.Pays", options));
    }

    [Theory]
    [InlineData(OptimizationLevel.Debug)]
    [InlineData(OptimizationLevel.Release)]
    public void Editing_code_after_an_await_changes_the_async_test(OptimizationLevel optimization)
    {
        var options = CompileOptions.For(optimization);
        var edited = AsyncSource.Edit("await Task.Delay(1);", "await Task.Delay(2);");

        AssertDifferent(Of(AsyncSource, "Shop.Tests.CheckoutTests.Pays", options), Of(edited, "Shop.Tests.CheckoutTests.Pays", options));
    }

    [Theory]
    [InlineData(OptimizationLevel.Debug)]
    [InlineData(OptimizationLevel.Release)]
    public void Editing_another_async_test_keeps_the_fingerprint(OptimizationLevel optimization)
    {
        var options = CompileOptions.For(optimization);
        var edited = AsyncSource.Edit("await Pay(20)", "await Pay(25)");

        AssertSame(Of(AsyncSource, "Shop.Tests.CheckoutTests.Pays", options), Of(edited, "Shop.Tests.CheckoutTests.Pays", options));
    }

    [Theory]
    [InlineData(OptimizationLevel.Debug)]
    [InlineData(OptimizationLevel.Release)]
    public void Adding_an_async_test_before_keeps_the_fingerprint(OptimizationLevel optimization)
    {
        // Renumbers the state machines (<Pays>d__0 becomes <Pays>d__1) and the awaiter fields' ordinals.
        var options = CompileOptions.For(optimization);
        var edited = AsyncSource.Edit("    [Fact]\n    public async Task Pays()", """
                [Fact]
                public async Task Earlier()
                {
                    await Task.Yield();
                    Func<int, int> add = value => value + 1;
                    await Task.Delay(add(1));
                }

                [Fact]
                public async Task Pays()
            """);

        AssertSame(Of(AsyncSource, "Shop.Tests.CheckoutTests.Pays", options), Of(edited, "Shop.Tests.CheckoutTests.Pays", options));
    }

    [Theory]
    [InlineData(OptimizationLevel.Debug)]
    [InlineData(OptimizationLevel.Release)]
    public void Editing_an_iterator_body_changes_the_fingerprint(OptimizationLevel optimization)
    {
        var options = CompileOptions.For(optimization);
        var edited = AsyncSource.Edit("yield return 2;", "yield return 3;");

        AssertDifferent(Of(AsyncSource, "Shop.Tests.CheckoutTests.Counts", options), Of(edited, "Shop.Tests.CheckoutTests.Counts", options));
    }

    public static TheoryData<string, string> LambdaEdits => new()
    {
        { "value => value > minimum", "value => value >= minimum" },
        { "value => value + 1", "value => value + 2" },
        { "value => value * 2", "value => value * 3" },
        { "count + minimum", "count - minimum" },
    };

    [Theory]
    [MemberData(nameof(LambdaEdits))]
    public void Editing_a_lambda_or_local_function_of_the_test_changes_it(string old, string replacement)
    {
        foreach (var optimization in new[] { OptimizationLevel.Debug, OptimizationLevel.Release })
        {
            var options = CompileOptions.For(optimization);
            var edited = LambdaSource.Edit(old, replacement);
            AssertDifferent(Of(LambdaSource, "Shop.Tests.LambdaTests.Filters", options), Of(edited, "Shop.Tests.LambdaTests.Filters", options));
        }
    }

    [Theory]
    [InlineData(OptimizationLevel.Debug)]
    [InlineData(OptimizationLevel.Release)]
    public void Editing_an_async_lambda_changes_the_test(OptimizationLevel optimization)
    {
        var options = CompileOptions.For(optimization);
        var edited = LambdaSource.Edit("return 41;", "return 42;");

        AssertDifferent(
            Of(LambdaSource, "Shop.Tests.LambdaTests.Awaits_in_a_lambda", options),
            Of(edited, "Shop.Tests.LambdaTests.Awaits_in_a_lambda", options));
    }

    [Theory]
    [InlineData(OptimizationLevel.Debug)]
    [InlineData(OptimizationLevel.Release)]
    public void Editing_a_lambda_in_another_test_keeps_the_fingerprint(OptimizationLevel optimization)
    {
        // Both tests' non-capturing lambdas live in the one shared <>c class.
        var options = CompileOptions.For(optimization);
        var edited = LambdaSource.Edit("value => value - 1", "value => value - 2").Edit("value => -value", "value => value * -1");

        AssertSame(Of(LambdaSource, "Shop.Tests.LambdaTests.Filters", options), Of(edited, "Shop.Tests.LambdaTests.Filters", options));
        AssertSame(
            Of(LambdaSource, "Shop.Tests.LambdaTests.Awaits_in_a_lambda", options),
            Of(edited, "Shop.Tests.LambdaTests.Awaits_in_a_lambda", options));
    }

    [Theory]
    [InlineData(OptimizationLevel.Debug)]
    [InlineData(OptimizationLevel.Release)]
    public void Adding_lambdas_before_the_test_keeps_the_fingerprint(OptimizationLevel optimization)
    {
        var options = CompileOptions.For(optimization);
        var edited = LambdaSource.Edit("    [Fact]\n    public void Filters()", """
                public int First(int[] values)
                {
                    var bias = 1;
                    return values.Select(value => value + bias).Where(value => value > 0).Sum();
                }

                [Fact]
                public void Filters()
            """);

        AssertSame(Of(LambdaSource, "Shop.Tests.LambdaTests.Filters", options), Of(edited, "Shop.Tests.LambdaTests.Filters", options));
    }

    [Theory]
    [InlineData(OptimizationLevel.Debug)]
    [InlineData(OptimizationLevel.Release)]
    public void Generated_code_of_a_generic_test_class_is_followed_too(OptimizationLevel optimization)
    {
        // Closures and state machines of a generic class are generic: the test reaches them through
        // references to their instantiations rather than to their definitions.
        const string source = """
            using System;
            using System.Threading.Tasks;
            using AgentTestGuard;
            using Xunit;

            namespace Shop.Tests;

            [AgentGenerated("copilot")]
            public class GenericTests<T> where T : new()
            {
                [Fact]
                public async Task Creates()
                {
                    var limit = 3;
                    Func<int, bool> small = value => value < limit && new T() is not null;
                    await Task.Yield();
                    if (!small(1)) throw new InvalidOperationException();
                }
            }
            """;
        var options = CompileOptions.For(optimization);
        var edited = source.Edit("value < limit", "value <= limit");

        AssertDifferent(Of(source, "Shop.Tests.GenericTests`1.Creates", options), Of(edited, "Shop.Tests.GenericTests`1.Creates", options));
    }
}
