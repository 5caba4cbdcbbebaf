using AgentTestGuard.Tool.Report;
using AgentTestGuard.Tool.Report.Html;
using AgentTestGuard.Tool.Report.Json;
using AgentTestGuard.Tool.Report.Markdown;
using AgentTestGuard.Tool.Tests.History;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Report;

/// <summary>The command's usage rules, checked before anything is read.</summary>
public sealed class ReportCommandTests
{
    [Fact]
    public void Only_one_format_can_go_to_standard_output()
    {
        var run = new ToolRun(output => ReportCommand.Create(output, _ => null), "report", "--json", "--markdown");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: only one format can go to standard output: give the others a file (--markdown report.md).\n", run.Errors);
        Assert.Equal("", run.Printed);
    }

    [Fact]
    public void Html_without_a_file_goes_to_a_file_in_the_current_folder_and_the_piped_formats_to_standard_output()
    {
        Assert.Equal(Path.GetFullPath("agenttestguard-report.html"), ReportCommand.Destination(new HtmlReportRenderer(), null));
        Assert.Equal(Path.GetFullPath("agenttestguard-report.html"), ReportCommand.Destination(new HtmlReportRenderer(), ""));
        Assert.Null(ReportCommand.Destination(new HtmlReportRenderer(), "-"));
        Assert.Equal(Path.GetFullPath("qa.html"), ReportCommand.Destination(new HtmlReportRenderer(), "qa.html"));
        Assert.Null(ReportCommand.Destination(new MarkdownReport(), null));
        Assert.Null(ReportCommand.Destination(new JsonReport(), null));
        Assert.Equal(Path.GetFullPath("r.json"), ReportCommand.Destination(new JsonReport(), "r.json"));
    }

    [Fact]
    public void In_CI_no_format_can_go_to_standard_output_where_the_annotations_go()
    {
        var run = new ToolRun(output => ReportCommand.Create(output, name => name == "GITHUB_ACTIONS" ? "true" : null), "report", "--markdown");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: in CI the annotations go to standard output: give each format a file (--json report.json).\n", run.Errors);
    }
}
