using AgentTestGuard.TestingPlatform.Results;
using Xunit;

namespace AgentTestGuard.TestingPlatform.Tests.Results;

public sealed class FailureHeadlineTests
{
    [Theory]
    [InlineData(null, "(no message)")]
    [InlineData(" \r\n ", "(no message)")]
    [InlineData("Assert.Equal() Failure: Values differ\nExpected: 1\nActual:   2\nmore", "Assert.Equal() Failure: Values differ Expected: 1 Actual:   2")]
    [InlineData("Assertion failed.\r\n\r\nFAIL_UNAPPROVED is set", "Assertion failed. FAIL_UNAPPROVED is set")]
    [InlineData("Expected 2 but was 3\n   at Shop.Tests.CartTests.Totals()", "Expected 2 but was 3")]
    [InlineData("bell\u0007 and escape\u001b[31m", "bell\\u0007 and escape\\u001B[31m")]
    public void A_failure_is_shown_by_its_opening_lines_on_one_line(string? message, string shown) =>
        Assert.Equal(shown, FailureHeadline.Of(message));

    [Fact]
    public void Xunits_string_difference_keeps_what_was_expected_and_what_came_instead()
    {
        // xunit v3 4.0's message for Assert.Equal("total: 10.00", "total: 12.50"), as its adapter reports it.
        const string message =
            "Assert.Equal() Failure: Strings differ\n"
            + "                   ↓ (pos 8)\n"
            + "Expected: \"total: 10.00\"\n"
            + "Actual:   \"total: 12.50\"\n"
            + "                   ↑ (pos 8)\n"
            + "   at Shop.Tests.CheckoutTests.Agent_discount() in /src/CheckoutTests.cs:line 42";

        Assert.Equal("Assert.Equal() Failure: Strings differ Expected: \"total: 10.00\" Actual:   \"total: 12.50\"", FailureHeadline.Of(message));
    }

    [Fact]
    public void NUnits_but_was_is_what_came_instead()
    {
        const string message = "  Assert.That(total, Is.EqualTo(10))\n  Expected: 10\n  But was:  12\n";

        Assert.Equal("Assert.That(total, Is.EqualTo(10)) Expected: 10 But was:  12", FailureHeadline.Of(message));
    }

    [Fact]
    public void Expected_and_actual_lines_after_a_long_opening_are_kept()
    {
        var message = "opening\nsecond\nthird\nfourth\nfifth\nExpected: 1\nActual:   2";

        Assert.Equal("opening second third Expected: 1 Actual:   2", FailureHeadline.Of(message));
    }

    [Fact]
    public void A_long_line_is_cut_short()
    {
        var shown = FailureHeadline.Of(new string('x', 500) + "\nExpected: 1\nActual:   " + new string('y', 500));

        Assert.Equal(new string('x', 160) + "… Expected: 1 Actual:   " + new string('y', 150) + "…", shown);
    }
}
