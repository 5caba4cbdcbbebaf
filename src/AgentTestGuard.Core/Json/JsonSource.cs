using System.Text;

namespace AgentTestGuard.Json;

/// <summary>
/// The UTF-8 text a document was read from, which turns byte offsets into 1-based lines and
/// character columns. The line starts are found on the first request: most documents are read
/// without an error to place, and the largest one, the inventory, is read by every test run.
/// </summary>
/// <remarks>
/// A column counts the characters from the start of its line, so a file on one line (a 50 MB
/// catalog, say) would make each column cost the whole line: positions asked in order would take
/// quadratic time. The last column found is kept, and the next one on the same line further on is
/// counted from there, so positions asked in file order cost the file's length in all.
/// </remarks>
internal sealed class JsonSource(ReadOnlyMemory<byte> utf8)
{
    private int[]? _lineStarts;

    // Immutable, replaced whole: two threads asking at once each read a consistent one.
    private ColumnMark? _lastColumn;

    public (int Line, int Column) PositionOf(long offset)
    {
        var line = LineOf(offset);
        return (line, ColumnOf(line, (int)offset - LineStarts()[line - 1]));
    }

    /// <summary>The 1-based line of a byte offset: a binary search, whatever the line's length.</summary>
    public int LineOf(long offset)
    {
        var index = Array.BinarySearch(LineStarts(), (int)offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    public int ColumnOf(int line, int bytesIntoLine)
    {
        var lineStarts = LineStarts();
        if (line < 1 || line > lineStarts.Length)
        {
            return 1;
        }

        var start = lineStarts[line - 1];
        var offset = start + Math.Clamp(bytesIntoLine, 0, utf8.Length - start);
        var from = _lastColumn is { } mark && mark.Line == line && mark.Offset <= offset ? mark : new ColumnMark(line, start, 1);
        var column = from.Column + Encoding.UTF8.GetCharCount(utf8.Span[from.Offset..offset]);
        _lastColumn = new ColumnMark(line, offset, column);
        return column;
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

    private sealed record ColumnMark(int Line, int Offset, int Column);
}
