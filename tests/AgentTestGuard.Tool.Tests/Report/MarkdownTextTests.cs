using AgentTestGuard.Tool.Report.Markdown;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Report;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("a | b", "a \\| b")]
    [InlineData("**bold** _em_ `code` ~~x~~", "\\*\\*bold\\*\\* \\_em\\_ \\`code\\` \\~\\~x\\~\\~")]
    [InlineData("[click](javascript:alert(1))", "\\[click\\](javascript\\:alert(1))")]
    [InlineData("![img](https://x.example/a.png)", "\\!\\[img\\](https\\://x.example/a.png)")]
    [InlineData("ping @octocat & co", "ping &#64;octocat &amp; co")]
    [InlineData("line one\nline two\r\n# heading", "line one line two \\# heading")]
    [InlineData("esc \u001b[31m", "esc \\\\u001B\\[31m")]
    [InlineData("back\\slash", "back\\\\slash")]
    public void Escape_leaves_text_that_reads_as_written_and_adds_no_markup(string text, string expected) =>
        Assert.Equal(expected, MarkdownText.Escape(text));

    [Fact]
    public void A_code_block_fence_is_longer_than_any_backtick_run_inside()
    {
        var block = MarkdownText.CodeBlock(["dotnet agt approve 'a```b'", "plain"], "sh");

        Assert.Equal("````sh\ndotnet agt approve 'a```b'\nplain\n````", block);
    }
}
