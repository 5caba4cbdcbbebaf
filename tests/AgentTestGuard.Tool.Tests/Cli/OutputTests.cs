using AgentTestGuard.Tool.Cli;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Cli;

public sealed class OutputTests
{
    [Fact]
    public void Table_pads_every_column_but_the_last_to_its_widest_cell()
    {
        var standard = new StringWriter();
        var output = new Output(standard, new StringWriter(), colour: false);

        output.Table(["STATE", "TEST"], [["approved", "A.B.C"], ["stale", "A.B.LongerName"]]);

        Assert.Equal(
            "STATE     TEST\napproved  A.B.C\nstale     A.B.LongerName\n",
            standard.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Without_colour_no_escape_code_is_written()
    {
        var error = new StringWriter();
        var output = new Output(new StringWriter(), error, colour: false);

        output.Error(output.Red("refused"));

        Assert.Equal("error: refused\n", error.ToString().ReplaceLineEndings("\n"));
    }
}
