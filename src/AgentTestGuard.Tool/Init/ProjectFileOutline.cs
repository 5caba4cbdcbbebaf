using System.Xml;

namespace AgentTestGuard.Tool.Init;

/// <summary>An element of a project file with where its text starts and ends (character offsets).</summary>
/// <param name="Start">The offset of its '&lt;'.</param>
/// <param name="End">The offset just after its closing '&gt;' (of the end tag, or of "/&gt;").</param>
/// <param name="EndTagStart">The offset of its end tag's '&lt;'; -1 for a self-closing element.</param>
internal sealed record OutlineElement(string Name, string? Include, string? Condition, int Start, int End, int EndTagStart)
{
    public List<OutlineElement> Children { get; } = [];
}

/// <summary>
/// The top of a project file's structure, the Project element, its children and theirs, located
/// in the file's text, so that an edit can insert text there and leave every other character as
/// it was. (MSBuild's own editor re-serializes the elements it touches: it rewrites "/&gt;"
/// spacing and joins a multi-line element into one line.)
/// </summary>
internal static class ProjectFileOutline
{
    /// <exception cref="XmlException">The text is not well-formed XML.</exception>
    public static OutlineElement Read(string text)
    {
        var lineStarts = LineStarts(text);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true };
        using var reader = XmlReader.Create(new StringReader(text), settings);
        var info = (IXmlLineInfo)reader;
        var open = new Stack<(string Name, string? Include, string? Condition, int Start, List<OutlineElement> Children)>();
        OutlineElement? root = null;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                // The reader's position is the name's first character, just after '<'.
                var start = Offset(lineStarts, info.LineNumber, info.LinePosition) - 1;
                var name = reader.LocalName;
                var include = reader.GetAttribute("Include");
                var condition = reader.GetAttribute("Condition");
                if (reader.IsEmptyElement)
                {
                    Close(new OutlineElement(name, include, condition, start, EndOfTag(text, start), -1));
                }
                else
                {
                    open.Push((name, include, condition, start, []));
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement)
            {
                // Here the position is the name's first character, just after "</".
                var endTag = Offset(lineStarts, info.LineNumber, info.LinePosition) - 2;
                var (name, include, condition, start, children) = open.Pop();
                var element = new OutlineElement(name, include, condition, start, EndOfTag(text, endTag), endTag);
                element.Children.AddRange(children);
                Close(element);
            }
        }

        return root ?? throw new XmlException("The file has no root element.");

        void Close(OutlineElement element)
        {
            // Only three levels are kept: Project, its children (ItemGroup...), and theirs (items).
            if (open.Count == 0)
            {
                root = element;
            }
            else if (open.Count <= 2)
            {
                open.Peek().Children.Add(element);
            }
        }
    }

    /// <summary>The whitespace before <paramref name="offset"/> on its line, when nothing else precedes it there; else null.</summary>
    public static string? IndentBefore(string text, int offset)
    {
        var lineStart = LineStartOf(text, offset);
        var prefix = text[lineStart..offset];
        return prefix.All(c => c is ' ' or '\t') ? prefix : null;
    }

    /// <summary>The whitespace a line starts with, whatever follows it.</summary>
    public static string LeadingWhitespaceOfLine(string text, int offset)
    {
        var lineStart = LineStartOf(text, offset);
        var end = lineStart;
        while (end < text.Length && text[end] is ' ' or '\t')
        {
            end++;
        }

        return text[lineStart..end];
    }

    /// <summary>The offset just after the line break ending the line of <paramref name="offset"/>, when only whitespace follows it on that line; else -1.</summary>
    public static int NextLineStartAfter(string text, int offset)
    {
        var i = offset;
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i < text.Length && text[i] == '\n' ? i + 1
            : i + 1 < text.Length && text[i] == '\r' && text[i + 1] == '\n' ? i + 2
            : -1;
    }

    public static int LineStartOf(string text, int offset) => offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;

    // The offset just after the '>' closing the tag that starts at 'start'; a '>' inside a quoted
    // attribute value does not count.
    private static int EndOfTag(string text, int start)
    {
        char? quote = null;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }

        throw new XmlException("A tag is not closed.");
    }

    // XML counts "\r\n" as one line break, as "\n" is; a line starts after each "\n".
    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static int Offset(List<int> lineStarts, int line, int position) => lineStarts[line - 1] + position - 1;
}
