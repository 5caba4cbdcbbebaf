using Xunit;

namespace AgentTestGuard.Core.Tests.Text;

public sealed class InertTests
{
    [Theory]
    [InlineData("plain CART-12", "plain CART-12")]
    [InlineData("\u001b[31mred", "\\u001B[31mred")]
    [InlineData("line\nbreak", "line\\u000Abreak")]
    [InlineData("abc\u202Eevil", "abc\\u202Eevil")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Control_and_bidi_characters_become_visible_escapes(string? text, string expected) =>
        Assert.Equal(expected, Inert.Quote(text));
}
