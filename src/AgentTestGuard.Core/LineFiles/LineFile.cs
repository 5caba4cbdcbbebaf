using System.Text;

namespace AgentTestGuard.LineFiles;

/// <summary>
/// The bytes of a line file (the approvals ledger, the incident log) as lines that can be replaced,
/// removed or inserted while every other byte stays as it was: a byte order mark, each line's own
/// ending (LF or CRLF), comments, spacing, and a last line without an ending. A command that
/// rewrote the whole file would make `git blame` credit every line, including one an agent wrote,
/// to the human who ran it.
/// </summary>
internal sealed class LineFile
{
    private readonly byte[] _preamble;
    private readonly List<Line> _lines;

    private LineFile(byte[] preamble, List<Line> lines)
    {
        _preamble = preamble;
        _lines = lines;
    }

    public int Count => _lines.Count;

    /// <summary>
    /// The ending new lines get: the first one the file uses, LF in a file without any. A file
    /// written on Windows with CRLF keeps CRLF.
    /// </summary>
    public byte[] NewLine => _lines.Select(l => l.Ending).FirstOrDefault(e => e.Length > 0) ?? "\n"u8.ToArray();

    /// <summary>Splits as <c>JsonLines.SplitLines</c> does: line n of the file is element n - 1.</summary>
    public static LineFile Parse(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var preambleLength = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        var lines = new List<Line>();
        var start = preambleLength;
        while (start < bytes.Length)
        {
            var newline = bytes.AsSpan(start).IndexOf((byte)'\n');
            if (newline < 0)
            {
                lines.Add(new Line(bytes[start..], []));
                break;
            }

            var end = start + newline;
            var contentEnd = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            lines.Add(new Line(bytes[start..contentEnd], bytes[contentEnd..(end + 1)]));
            start = end + 1;
        }

        return new LineFile(bytes[..preambleLength], lines);
    }

    public void Replace(int index, string content) => _lines[index] = _lines[index] with { Content = Encoding.UTF8.GetBytes(content) };

    public void RemoveAt(int index) => _lines.RemoveAt(index);

    /// <summary>Inserts a line before <paramref name="index"/> (at the end when it is <see cref="Count"/>), ended like the file's others.</summary>
    public void Insert(int index, string content)
    {
        var newLine = NewLine;
        if (index == _lines.Count && index > 0 && _lines[index - 1].Ending.Length == 0)
        {
            // The last line had no ending; it needs one before another line can follow it.
            _lines[index - 1] = _lines[index - 1] with { Ending = newLine };
        }

        _lines.Insert(index, new Line(Encoding.UTF8.GetBytes(content), newLine));
    }

    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        buffer.Write(_preamble);
        foreach (var line in _lines)
        {
            buffer.Write(line.Content);
            buffer.Write(line.Ending);
        }

        return buffer.ToArray();
    }

    private sealed record Line(byte[] Content, byte[] Ending);
}
