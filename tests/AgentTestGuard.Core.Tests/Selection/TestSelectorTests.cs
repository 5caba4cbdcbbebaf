using AgentTestGuard.Selection;
using Xunit;

namespace AgentTestGuard.Core.Tests.Selection;

public sealed class TestSelectorTests
{
    private static readonly string[] Ids =
    [
        "Shop.Tests.CartTests.Totals",
        "Shop.Tests.CartTests.Empty_cart_is_zero",
        "Shop.Tests.CartTests+Discounts.Ten_percent",
        "Shop.Tests.CartTestsOld.Totals",
        "Shop.Tests.Checkout.PayTests.Card",
        "Other.Tests.A.B",
    ];

    [Theory]
    [InlineData("Shop.Tests.CartTests.Totals", new[] { "Shop.Tests.CartTests.Totals" })]
    [InlineData("Shop.Tests.CartTests.*", new[] { "Shop.Tests.CartTests.Empty_cart_is_zero", "Shop.Tests.CartTests.Totals" })]
    [InlineData("Shop.Tests.*", new[] { "Shop.Tests.CartTests+Discounts.Ten_percent", "Shop.Tests.CartTests.Empty_cart_is_zero", "Shop.Tests.CartTests.Totals", "Shop.Tests.CartTestsOld.Totals", "Shop.Tests.Checkout.PayTests.Card" })]
    [InlineData("*.Totals", new[] { "Shop.Tests.CartTests.Totals", "Shop.Tests.CartTestsOld.Totals" })]
    [InlineData("Shop.Tests.CartTests*", new[] { "Shop.Tests.CartTests+Discounts.Ten_percent", "Shop.Tests.CartTests.Empty_cart_is_zero", "Shop.Tests.CartTests.Totals", "Shop.Tests.CartTestsOld.Totals" })]
    [InlineData("Shop.*.Card", new[] { "Shop.Tests.Checkout.PayTests.Card" })]
    [InlineData("Other.Tests.?.B", new[] { "Other.Tests.A.B" })]
    [InlineData("*", new[] { "Other.Tests.A.B", "Shop.Tests.CartTests+Discounts.Ten_percent", "Shop.Tests.CartTests.Empty_cart_is_zero", "Shop.Tests.CartTests.Totals", "Shop.Tests.CartTestsOld.Totals", "Shop.Tests.Checkout.PayTests.Card" })]
    public void A_pattern_selects_exactly_its_ids_in_ordinal_order(string pattern, string[] expected)
    {
        var result = TestSelector.Select(Ids, [pattern]);

        Assert.Equal(expected, result.Ids);
        Assert.Empty(result.Unmatched);
    }

    [Theory]
    [InlineData("Shop.Tests.CartTests")]
    [InlineData("shop.tests.CartTests.Totals")]
    [InlineData("Shop.Tests.CartTests.Total")]
    [InlineData("Shop.Tests.CartTests.Totals.*")]
    [InlineData("Other.Tests.??.B")]
    [InlineData("Other.Tests.A.B?")]
    [InlineData("")]
    public void Patterns_that_match_nothing_are_reported(string pattern)
    {
        var result = TestSelector.Select(Ids, [pattern]);

        Assert.Empty(result.Ids);
        Assert.Equal([pattern], result.Unmatched);
    }

    [Theory]
    [InlineData("Shop.Tests.(Cart)Tests.Totals", "Shop.Tests.(Cart)Tests.Totals", true)]
    [InlineData("Shop.Tests.CartTests.Totals", "Shop.Tests.CartTests.Total.", false)]
    [InlineData("Shop.Tests.CartTestsXTotals", "Shop.Tests.CartTests.Totals", false)]
    [InlineData("A[1].B", "A[1].B", true)]
    [InlineData("A1.B", "A[1].B", false)]
    [InlineData("A+B.C", "A+B.C", true)]
    [InlineData("AAB.C", "A+B.C", false)]
    [InlineData("A.B", "^A.B$", false)]
    [InlineData("A.B", "A.B|X", false)]
    [InlineData("A\\B", "A\\B", true)]
    public void Characters_other_than_star_and_question_mark_match_only_themselves(string id, string pattern, bool expected)
    {
        Assert.Equal(expected, TestSelector.Matches(id, pattern));
    }

    [Theory]
    [InlineData("abc", "a*c", true)]
    [InlineData("abc", "a**c", true)]
    [InlineData("ac", "a*c", true)]
    [InlineData("abcbc", "a*bc", true)]
    [InlineData("abcbd", "a*bc", false)]
    [InlineData("abc", "*b*", true)]
    [InlineData("abc", "?*?", true)]
    [InlineData("a", "?*?", false)]
    [InlineData("", "*", true)]
    [InlineData("", "", true)]
    [InlineData("a", "", false)]
    public void Stars_match_any_run_and_question_marks_one_character(string id, string pattern, bool expected)
    {
        Assert.Equal(expected, TestSelector.Matches(id, pattern));
    }

    // Exponential backtracking would take years here; the timeout (far above the milliseconds it
    // takes) turns that into a failure instead of a hung run.
    [Fact(Timeout = 30_000)]
    public async Task A_pattern_with_many_stars_against_a_long_id_does_not_take_exponential_time()
    {
        var id = new string('a', 5000);
        var pattern = string.Concat(Enumerable.Repeat("*a", 30)) + "b";

        var matches = await Task.Run(() => TestSelector.Matches(id, pattern), TestContext.Current.CancellationToken);

        Assert.False(matches);
    }

    [Fact]
    public void Several_patterns_select_the_union_once_and_report_each_unmatched_pattern_once_in_order()
    {
        var result = TestSelector.Select(
            [.. Ids, "Shop.Tests.CartTests.Totals"],
            ["Shop.Tests.CartTests.Totals", "No.Such.*", "Shop.Tests.CartTests.*", "Typo", "No.Such.*"]);

        Assert.Equal(["Shop.Tests.CartTests.Empty_cart_is_zero", "Shop.Tests.CartTests.Totals"], result.Ids);
        Assert.Equal(["No.Such.*", "Typo"], result.Unmatched);
    }

    [Fact]
    public void No_patterns_select_nothing()
    {
        var result = TestSelector.Select(Ids, []);

        Assert.Empty(result.Ids);
        Assert.Empty(result.Unmatched);
    }
}
