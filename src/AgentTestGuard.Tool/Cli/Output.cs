using System.Text.Json;
using AgentTestGuard.Diagnostics;

namespace AgentTestGuard.Tool.Cli;

/// <summary>
/// Everything the tool prints goes through here: quiet, aligned, colour only on a terminal and
/// never with NO_COLOR, and every value an agent could have written (test names, reasons,
/// criteria) rendered inert so it cannot drive the reviewer's terminal.
/// </summary>
internal sealed class Output(TextWriter standard, TextWriter error, bool colour)
{
    public static Output ForConsole() => new(
        Console.Out,
        Console.Error,
        UsesColour(Console.IsOutputRedirected, Environment.GetEnvironmentVariable("NO_COLOR")));

    /// <summary>
    /// Colour only on a terminal (not when piped to a file or a CI log) and only while NO_COLOR is
    /// unset or empty (no-color.org).
    /// </summary>
    internal static bool UsesColour(bool outputRedirected, string? noColor) =>
        !outputRedirected && string.IsNullOrEmpty(noColor);

    public void Line(string text = "") => standard.WriteLine(text);

    /// <summary>
    /// An output that keeps what is written to it, in the same colours, until <see cref="Replay"/>:
    /// for work done in parallel whose messages must still come in the order of a sequential run.
    /// </summary>
    public Output Deferred() => new(new StringWriter(), new StringWriter(), colour);

    /// <summary>Writes here what <paramref name="deferred"/> (from <see cref="Deferred"/>) kept.</summary>
    public void Replay(Output deferred)
    {
        standard.Write(deferred.StandardWriter.ToString());
        error.Write(deferred.ErrorWriter.ToString());
    }

    private TextWriter StandardWriter => standard;

    private TextWriter ErrorWriter => error;

    /// <summary>What the tool is doing (building a project): on standard error, so --json output stays clean.</summary>
    public void Progress(string text) => error.WriteLine(Dim(text));

    public void Error(string text) => error.WriteLine(Paint("error: ", "31") + text);

    /// <summary>Findings in a repository file, each with its file, line and column.</summary>
    public void Diagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Error(diagnostic.ToString());
        }
    }

    /// <summary>Machine-readable output (--json): one indented document on standard output.</summary>
    public void Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            write(json);
        }

        standard.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>An agent-controlled value, made inert for a terminal.</summary>
    public static string Inert(string? value) => AgentTestGuard.Inert.Quote(value);

    public string Green(string text) => Paint(text, "32");

    public string Yellow(string text) => Paint(text, "33");

    public string Red(string text) => Paint(text, "31");

    public string Dim(string text) => Paint(text, "2");

    /// <summary>
    /// Prints rows as columns padded to the widest cell. Cells are plain text (already inert);
    /// <paramref name="paint"/> may colour a cell after padding, so escape codes never skew widths.
    /// </summary>
    public void Table(IReadOnlyList<string> header, IReadOnlyList<string[]> rows, Func<int, int, string, string>? paint = null)
    {
        var widths = header.Select((h, c) => rows.Select(r => r[c].Length).Append(h.Length).Max()).ToArray();
        standard.WriteLine(Dim(Row(header.ToArray(), widths, null)));
        for (var r = 0; r < rows.Count; r++)
        {
            var index = r;
            standard.WriteLine(Row(rows[r], widths, paint is null ? null : (c, cell) => paint(index, c, cell)));
        }
    }

    private static string Row(string[] cells, int[] widths, Func<int, string, string>? paint)
    {
        var parts = new string[cells.Length];
        for (var c = 0; c < cells.Length; c++)
        {
            var padded = c == cells.Length - 1 ? cells[c] : cells[c].PadRight(widths[c]);
            parts[c] = paint is null ? padded : paint(c, padded);
        }

        return string.Join("  ", parts).TrimEnd();
    }

    private string Paint(string text, string code) => colour ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
