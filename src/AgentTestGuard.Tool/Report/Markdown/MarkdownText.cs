using System.Text;

namespace AgentTestGuard.Tool.Report.Markdown;

/// <summary>
/// Makes text an agent wrote inert in GitHub-flavoured Markdown: it shows as written and cannot add
/// markup, links, HTML, table cells, lines, or mentions that notify people.
/// </summary>
internal static class MarkdownText
{
    /// <summary>
    /// For running text and table cells: one line, every character with a meaning inside a line escaped. The
    /// report never starts a line with such text, so list and heading markers need no escape.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in Inert.Quote(text.ReplaceLineEndings(" ")))
        {
            switch (c)
            {
                // HTML is rendered in Markdown: as entities, tags and entities stay text.
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '&': builder.Append("&amp;"); break;

                // A mention would notify someone from a report.
                case '@': builder.Append("&#64;"); break;
                // Emphasis, code, links and images, table cells, strikethrough, headings; ':' so that no
                // address an agent wrote becomes a link.
                case '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '!' or '|' or '~' or ':':
                    builder.Append('\\').Append(c);
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// A fenced code block of the lines, literal as written: the fence is longer than any run of
    /// backticks in them, so no line can close it early.
    /// </summary>
    public static string CodeBlock(IEnumerable<string> lines, string language = "")
    {
        var body = lines.Select(Inert.Quote).ToList();
        var longest = body.Select(LongestBacktickRun).DefaultIfEmpty(0).Max();
        var fence = new string('`', Math.Max(3, longest + 1));
        return $"{fence}{language}\n{string.Join("\n", body)}\n{fence}";
    }

    private static int LongestBacktickRun(string line)
    {
        int longest = 0, run = 0;
        foreach (var c in line)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
