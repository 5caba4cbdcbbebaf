using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Report;
using AgentTestGuard.Tool.Report.Json;
using AgentTestGuard.Tool.Report.Markdown;
using AgentTestGuard.Tool.Report.Model;
using AgentTestGuard.Tool.Report.Terminal;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Report;

/// <summary>Each text format of the sample reports, compared exactly with its golden file (Report/Golden).</summary>
public sealed class ReportGoldenTests
{
    [Fact]
    public void Markdown_of_a_report_with_history() =>
        GoldenFile.Assert("typical.md", Render(new MarkdownReport(), SampleReports.Typical()));

    [Fact]
    public void Markdown_of_a_report_without_history() =>
        GoldenFile.Assert("no-history.md", Render(new MarkdownReport(), SampleReports.WithoutHistory()));

    [Fact]
    public void Json_of_a_report_with_history() =>
        GoldenFile.Assert("typical.json", Render(new JsonReport(), SampleReports.Typical()));

    [Fact]
    public void Json_of_a_report_without_history() =>
        GoldenFile.Assert("no-history.json", Render(new JsonReport(), SampleReports.WithoutHistory()));

    [Fact]
    public void Terminal_summary_without_colour() =>
        GoldenFile.Assert("typical.terminal.txt", Terminal(SampleReports.Typical(), colour: false));

    [Fact]
    public void Terminal_summary_without_history() =>
        GoldenFile.Assert("no-history.terminal.txt", Terminal(SampleReports.WithoutHistory(), colour: false));

    [Fact]
    public void Terminal_summary_of_a_large_report_is_cut_after_its_first_rows()
    {
        var lines = Terminal(SampleReports.Large(1000), colour: false).Split('\n');

        // 334 quarantined: the first 30 listed, then where the rest are.
        Assert.Contains("  ... and 304 more: `dotnet agt report --html` lists every test.", lines);
        Assert.Single(lines, l => l.StartsWith("unapproved  Shop.Tests.Generated0000Tests.Case_00000 ", StringComparison.Ordinal));
        Assert.Equal(30, lines.Count(l => l.StartsWith("unapproved  ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Colour_paints_states_and_leaves_escapes_from_a_message_visible()
    {
        var report = SampleReports.Typical();
        report = report with { Tests = [.. report.Tests.Select(t => t.LastFailure is null ? t : t with { LastFailure = t.LastFailure with { Message = "\u001b[31mred" } })] };

        var text = Terminal(report, colour: true);

        Assert.Contains("\u001b[33munapproved\u001b[0m", text, StringComparison.Ordinal);
        Assert.Contains("\u001b[31mrejected  \u001b[0m", text, StringComparison.Ordinal);
        // The message's own escape is shown as text, never sent to the terminal.
        Assert.Contains("\\u001B[31mred", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[31mred", text, StringComparison.Ordinal);
    }

    private static string Render(IReportRenderer renderer, QuarantineReport report)
    {
        using var text = new StringWriter();
        renderer.Write(report, text);
        return text.ToString();
    }

    private static string Terminal(QuarantineReport report, bool colour)
    {
        using var standard = new StringWriter();
        TerminalSummary.Write(report, new Output(standard, new StringWriter(), colour));
        return standard.ToString().ReplaceLineEndings("\n");
    }
}
