using System.Text;

namespace AgentTestGuard.Configuration;

/// <summary>
/// The UTF-8 text a document was read from, which turns byte offsets into 1-based lines and
/// character columns. The line starts are found on the first request: most documents are read
/// without an error to place, and the largest one, the inventory, is read by every test run.
/// </summary>
internal sealed class JsonSource(ReadOnlyMemory<byte> utf8)
{
    private int[]? _lineStarts;

    public (int Line, int Column) PositionOf(long offset)
    {
        var lineStarts = LineStarts();
        var index = Array.BinarySearch(lineStarts, (int)offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, ColumnOf(line + 1, (int)offset - lineStarts[line]));
    }

    public int ColumnOf(int line, int bytesIntoLine)
    {
        var lineStarts = LineStarts();
        if (line < 1 || line > lineStarts.Length)
        {
            return 1;
        }

        var start = lineStarts[line - 1];
        var length = Math.Clamp(bytesIntoLine, 0, utf8.Length - start);
        return Encoding.UTF8.GetCharCount(utf8.Span.Slice(start, length)) + 1;
    }

    // Two threads asking at once both compute the same array; either may be kept.
    private int[] LineStarts() => _lineStarts ??= FindLineStarts(utf8.Span);

    private static int[] FindLineStarts(ReadOnlySpan<byte> text)
    {
        var starts = new List<int> { 0 };
        for (var at = text.IndexOf((byte)'\n'); at >= 0;)
        {
            starts.Add(at + 1);
            var next = text[(at + 1)..].IndexOf((byte)'\n');
            at = next < 0 ? -1 : at + 1 + next;
        }

        return [.. starts];
    }
}
