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

    [Theory]
    [InlineData(false, null, true)]
    [InlineData(false, "", true)]
    [InlineData(false, "1", false)]
    [InlineData(false, "0", false)]
    [InlineData(true, null, false)]
    [InlineData(true, "1", false)]
    public void Colour_only_on_a_terminal_and_only_while_NO_COLOR_is_unset_or_empty(bool redirected, string? noColor, bool colour)
    {
        Assert.Equal(colour, Output.UsesColour(redirected, noColor));
    }

    [Fact]
    public void With_colour_the_exact_escape_codes_are_written()
    {
        var standard = new StringWriter();
        var error = new StringWriter();
        var output = new Output(standard, error, colour: true);

        output.Line($"{output.Green("approved")} {output.Yellow("stale")} {output.Red("rejected")} {output.Dim("note")}");
        output.Error("refused");

        Assert.Equal("\u001b[32mapproved\u001b[0m \u001b[33mstale\u001b[0m \u001b[31mrejected\u001b[0m \u001b[2mnote\u001b[0m\n", standard.ToString().ReplaceLineEndings("\n"));
        Assert.Equal("\u001b[31merror: \u001b[0mrefused\n", error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Painting_cells_after_padding_keeps_the_columns_aligned()
    {
        var standard = new StringWriter();
        var output = new Output(standard, new StringWriter(), colour: true);

        output.Table(
            ["STATE", "TEST"],
            [["approved", "A.B.C"], ["stale", "A.B.LongerName"]],
            (row, column, cell) => column == 0 ? (row == 0 ? output.Green(cell) : output.Yellow(cell)) : cell);

        Assert.Equal(
            "\u001b[2mSTATE     TEST\u001b[0m\n" +
            "\u001b[32mapproved\u001b[0m  A.B.C\n" +
            "\u001b[33mstale   \u001b[0m  A.B.LongerName\n",
            standard.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Inert_escapes_control_characters_an_agent_could_have_written()
    {
        Assert.Equal("\\u001B[31mred\\u0007", Output.Inert("\u001b[31mred\a"));
        Assert.Equal("", Output.Inert(null));
    }
}
