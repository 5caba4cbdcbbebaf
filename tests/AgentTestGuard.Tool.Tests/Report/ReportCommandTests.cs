using AgentTestGuard.Tool.Report;
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
    public void In_CI_no_format_can_go_to_standard_output_where_the_annotations_go()
    {
        var run = new ToolRun(output => ReportCommand.Create(output, name => name == "GITHUB_ACTIONS" ? "true" : null), "report", "--markdown");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: in CI the annotations go to standard output: give each format a file (--json report.json).\n", run.Errors);
    }
}
