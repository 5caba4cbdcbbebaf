using AgentTestGuard.Tool.Report.Building;
using AgentTestGuard.Tool.Report.Html;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Report.Html;

/// <summary>The approve and reject commands travel as templates only where the page rebuilds them character for character.</summary>
public sealed class HtmlCommandsTests
{
    [Theory]
    [InlineData("Shop.Tests.CartTests.Adds_item")]
    [InlineData(SampleReports.HostileId)]
    [InlineData("agt")]
    public void A_command_that_holds_its_id_is_sent_as_a_template_the_page_fills_back_exactly(string id)
    {
        var commands = new HtmlCommands();

        var approve = commands.Refer(ReviewCommands.Approve(id), id);
        var reject = commands.Refer(ReviewCommands.Reject(id), id);

        Assert.Equal(ReviewCommands.Approve(id), Fill(commands.Templates[approve!.Value], id));
        Assert.Equal(ReviewCommands.Reject(id), Fill(commands.Templates[reject!.Value], id));
    }

    [Fact]
    public void Tests_share_templates()
    {
        var commands = new HtmlCommands();

        Assert.Equal(0, commands.Refer(ReviewCommands.Approve("A.B.C"), "A.B.C"));
        Assert.Equal(1, commands.Refer(ReviewCommands.Reject("A.B.C"), "A.B.C"));
        Assert.Equal(0, commands.Refer(ReviewCommands.Approve("A.B.D"), "A.B.D"));
        Assert.Equal(2, commands.Templates.Count);
    }

    [Theory]
    [InlineData("Shop.Tests.It's_quoted")]
    [InlineData("Shop.Tests.Control\u0001char")]
    [InlineData("")]
    public void A_command_the_id_does_not_appear_in_as_written_is_sent_whole(string id) =>
        Assert.Null(new HtmlCommands().Refer(ReviewCommands.Approve(id), id));

    // What report.js does: data.commands[n].split('\u0001').join(id).
    private static string Fill(string template, string id) => string.Join(id, template.Split(HtmlCommands.Placeholder));
}
