using AgentTestGuard.Assertions;
using AgentTestGuard.Core.Tests.TestSupport;
using Xunit;

namespace AgentTestGuard.Core.Tests.Assertions;

/// <summary>
/// AGT0020 on tests compiled against the real MSTest, NUnit, TUnit, FluentAssertions and Shouldly assemblies
/// (Verify is not on the package source: a stand-in with its real names stands for it).
/// </summary>
public sealed class FrameworkAssertionTests
{
    private const string Prices = """
        namespace Shop.Tests
        {
            public static class Prices
            {
                public static int Of(int quantity) => quantity * 3;
            }
        }
        """;

    private static readonly CannotFail NoAssertion = new(CannotFailReason.NoAssertion, "calls no assertion and expects no exception");

    [Fact]
    public void MSTest()
    {
        var findings = AssertionCompilation.Findings(Prices + """
            namespace Shop.Tests
            {
                using Microsoft.VisualStudio.TestTools.UnitTesting;

                [TestClass]
                public class TaxTests
                {
                    [TestMethod, AgentGenerated("copilot")] public void Are_equal() => Assert.AreEqual(6, Prices.Of(2));
                    [TestMethod, AgentGenerated("copilot")] public void Throws() => Assert.ThrowsExactly<DivideByZeroException>(() => 1 / Prices.Of(0));
                    [TestMethod, AgentGenerated("copilot")] public void String_assert() => StringAssert.Contains(Prices.Of(2).ToString(), "6");
                    [TestMethod, AgentGenerated("copilot")] public void Collection_assert() => CollectionAssert.Contains(new[] { 6 }, Prices.Of(2));
                    [TestMethod, AgentGenerated("copilot"), Legacy.ExpectedException(typeof(DivideByZeroException))] public void Expected_exception() => _ = 1 / Prices.Of(0);
                    [TestMethod, AgentGenerated("copilot")] public void No_assertion() => Prices.Of(2);
                    [TestMethod, AgentGenerated("copilot")] public void Is_true_of_true() => Assert.IsTrue(true);
                    [TestMethod, AgentGenerated("copilot")] public void Four_is_four() => Assert.AreEqual(4, 4);
                }
            }

            // MSTest 4 dropped [ExpectedException]; older MSTest and NUnit 2 have it under this name.
            namespace Legacy
            {
                public sealed class ExpectedExceptionAttribute(Type type) : Attribute { public Type Type { get; } = type; }
            }
            """);

        AssertCanFail(findings, "Are_equal", "Throws", "String_assert", "Collection_assert", "Expected_exception");
        Assert.Equal(NoAssertion, findings["No_assertion"]);
        Assert.Equal(Trivial("Microsoft.VisualStudio.TestTools.UnitTesting.Assert::IsTrue", "a constant that makes it pass"), findings["Is_true_of_true"]);
        Assert.Equal(Trivial("Microsoft.VisualStudio.TestTools.UnitTesting.Assert::AreEqual", "the same value on both sides"), findings["Four_is_four"]);
    }

    [Fact]
    public void NUnit()
    {
        var findings = AssertionCompilation.Findings(Prices + """
            namespace Shop.Tests
            {
                using NUnit.Framework;
                using NUnit.Framework.Legacy;

                public class TaxTests
                {
                    [Test, AgentGenerated("copilot")] public void That() => Assert.That(Prices.Of(2), Is.EqualTo(6));
                    [Test, AgentGenerated("copilot")] public void Classic() => ClassicAssert.AreEqual(6, Prices.Of(2));
                    [Test, AgentGenerated("copilot")] public void Throws() => Assert.Throws<DivideByZeroException>(() => _ = 1 / Prices.Of(0));
                    [Test, AgentGenerated("copilot")] public void No_assertion() => Prices.Of(2);
                    [Test, AgentGenerated("copilot")] public void Classic_true_of_true() => ClassicAssert.IsTrue(true);
                    [Test, AgentGenerated("copilot")] public void Classic_four_is_four() => ClassicAssert.AreEqual(4, 4);
                }
            }
            """);

        AssertCanFail(findings, "That", "Classic", "Throws");
        Assert.Equal(NoAssertion, findings["No_assertion"]);
        Assert.Equal(Trivial("NUnit.Framework.Legacy.ClassicAssert::IsTrue", "a constant that makes it pass"), findings["Classic_true_of_true"]);
        Assert.Equal(Trivial("NUnit.Framework.Legacy.ClassicAssert::AreEqual", "the same value on both sides"), findings["Classic_four_is_four"]);
    }

    [Fact]
    public void TUnit()
    {
        var findings = AssertionCompilation.Findings(Prices + """
            namespace Shop.Tests
            {
                using TUnit.Assertions;
                using TUnit.Assertions.Extensions;
                using TUnit.Core;

                public class TaxTests
                {
                    [Test, AgentGenerated("copilot")] public async Task That() => await Assert.That(Prices.Of(2)).IsEqualTo(6);
                    [Test, AgentGenerated("copilot")] public async Task No_assertion() { await Task.Yield(); Prices.Of(2); }
                }
            }
            """);

        AssertCanFail(findings, "That");
        Assert.Equal(NoAssertion, findings["No_assertion"]);
    }

    [Fact]
    public void FluentAssertions_and_Shouldly()
    {
        var findings = AssertionCompilation.Findings(Prices + """
            namespace Shop.Tests
            {
                using FluentAssertions;
                using Shouldly;

                public class TaxTests
                {
                    [AgentGenerated("copilot")] public void Fluent() => Prices.Of(2).Should().Be(6);
                    [AgentGenerated("copilot")] public void Fluent_throws() => FluentActions.Invoking(() => Prices.Of(0)).Should().NotThrow();
                    [AgentGenerated("copilot")] public void Shouldly_be() => Prices.Of(2).ShouldBe(6);
                    [AgentGenerated("copilot")] public void Shouldly_throw() => Should.Throw<DivideByZeroException>(() => 1 / Prices.Of(0));
                    [AgentGenerated("copilot")] public void No_assertion() => FluentActions.Invoking(() => Prices.Of(0));
                }
            }
            """);

        AssertCanFail(findings, "Fluent", "Fluent_throws", "Shouldly_be", "Shouldly_throw");
        Assert.Equal(NoAssertion, findings["No_assertion"]);
    }

    [Fact]
    public void Verify()
    {
        var findings = AssertionCompilation.Findings(Prices + """
            namespace VerifyXunit
            {
                public static class Verifier
                {
                    public static Task Verify(object? target) => Task.CompletedTask;
                }
            }

            namespace Shop.Tests
            {
                using static VerifyXunit.Verifier;

                public class TaxTests
                {
                    [AgentGenerated("copilot")] public Task Snapshot() => Verify(Prices.Of(2));
                    [AgentGenerated("copilot")] public Task No_assertion() => Task.FromResult(Prices.Of(2));
                }
            }
            """);

        AssertCanFail(findings, "Snapshot");
        Assert.Equal(NoAssertion, findings["No_assertion"]);
    }

    private static CannotFail Trivial(string assertion, string what) => new(CannotFailReason.TrivialAssertion, $"{assertion} is given {what}");

    private static void AssertCanFail(Dictionary<string, CannotFail?> findings, params string[] names) =>
        Assert.All(names, name => Assert.True(findings[name] is null, $"{name}: {findings[name]}"));
}
