using System.Text;
using AgentTestGuard.Tool.Report;
using AgentTestGuard.Tool.Report.Json;
using AgentTestGuard.Tool.Report.Markdown;
using AgentTestGuard.Tool.Report.Model;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Report;

/// <summary>
/// A format written to a file's stream (`report --json r.json`) is, byte for byte, what it writes to
/// standard output: the JSON writes its UTF-8 straight to the file, the others go through text.
/// </summary>
public sealed class ReportFileWriteTests
{
    [Fact]
    public void Json_to_a_file_is_the_golden_file_in_utf8_without_a_byte_order_mark()
    {
        var bytes = ToFile(new JsonReport(), SampleReports.Typical());

        Assert.Equal((byte)'{', bytes[0]);
        Assert.DoesNotContain((byte)'\r', bytes);
        GoldenFile.Assert("typical.json", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Json_of_a_large_report_to_a_file_is_its_text_byte_for_byte()
    {
        // 1,000 tests: the writer hands the file several 64 KiB pieces.
        var report = SampleReports.Large(1000);

        var bytes = ToFile(new JsonReport(), report);

        Assert.True(bytes.Length > 3 * 64 * 1024, $"{bytes.Length} bytes");
        Assert.Equal(Encoding.UTF8.GetBytes(ToText(new JsonReport(), report)), bytes);
    }

    [Fact]
    public void Markdown_to_a_file_goes_through_text_without_a_byte_order_mark()
    {
        var bytes = ToFile(new MarkdownReport(), SampleReports.Typical());

        Assert.Equal((byte)'#', bytes[0]);
        GoldenFile.Assert("typical.md", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void The_file_stream_is_left_open_for_the_caller_to_close()
    {
        using var file = new MemoryStream();

        ((IReportRenderer)new JsonReport()).Write(SampleReports.WithoutHistory(), file);
        ((IReportRenderer)new MarkdownReport()).Write(SampleReports.WithoutHistory(), file);

        Assert.True(file.CanWrite);
    }

    /// <summary>Through the interface, as ReportCommand writes a file: Markdown by the default, JSON by its own.</summary>
    private static byte[] ToFile<TRenderer>(TRenderer renderer, QuarantineReport report)
        where TRenderer : IReportRenderer
    {
        using var file = new MemoryStream();
        renderer.Write(report, file);
        return file.ToArray();
    }

    private static string ToText<TRenderer>(TRenderer renderer, QuarantineReport report)
        where TRenderer : IReportRenderer
    {
        using var text = new StringWriter();
        renderer.Write(report, text);
        return text.ToString();
    }
}
