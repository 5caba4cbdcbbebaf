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

    [Theory]
    [InlineData("T ##vso[task.complete result=Succeeded]", "T ##vso\\[task.complete result=Succeeded]")]
    [InlineData("##VSO[task.setvariable variable=x]1", "##VSO\\[task.setvariable variable=x]1")]
    [InlineData("C# ##region [x]", "C# ##region [x]")]
    public void Nothing_passes_for_an_azure_pipelines_logging_command(string text, string expected) =>
        Assert.Equal(expected, Inert.Quote(text));

    [Theory]
    [InlineData("Shop.Tests.CartTests.Adds", "Shop.Tests.CartTests.Adds")]
    [InlineData("Shop.Tests.T(\"##vso[task.complete]\")", "'Shop.Tests.T(\"##vs''o[task.complete]\")'")]
    [InlineData("Shop.Tests.T(\"it's\")", "'Shop.Tests.T(\"it'\\''s\")'")]
    public void A_shell_argument_is_the_same_word_and_no_logging_command(string id, string expected) =>
        Assert.Equal(expected, Inert.ShellArgument(id));
}
