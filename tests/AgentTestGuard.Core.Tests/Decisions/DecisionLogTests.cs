using AgentTestGuard.Core.Tests.Configuration;
using AgentTestGuard.Decisions;
using Xunit;

namespace AgentTestGuard.Core.Tests.Decisions;

public sealed class DecisionLogTests
{
    private const string Header =
        "// AgentTestGuard stop-rule decisions: one line per human decision to stop or continue an agent, oldest first. Reviewed like code; see docs/files.md.\n";

    private static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Decisions_are_written_oldest_first_and_read_back()
    {
        using var file = new TempFile(DecisionLog.FileName, "");
        var stop = new AgentDecision("claude-code", true, "Dana Lee <dana@example.com>", Noon, "too much triage");
        var resume = new AgentDecision("claude-code", false, "Dana Lee <dana@example.com>", Noon.AddDays(1), "fixed");

        DecisionLog.Write(file.Path, [resume, stop]);

        Assert.Equal(
            Header
            + """{"decision":"stop","agent":"claude-code","by":"Dana Lee <dana@example.com>","at":"2026-11-24T12:00:00Z","reason":"too much triage"}""" + "\n"
            + """{"decision":"continue","agent":"claude-code","by":"Dana Lee <dana@example.com>","at":"2026-11-25T12:00:00Z","reason":"fixed"}""" + "\n",
            File.ReadAllText(file.Path));
        var read = DecisionLog.Load(file.Path, out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal([stop with { Line = 2 }, resume with { Line = 3 }], read);
        Assert.Equal(resume with { Line = 3 }, AgentDecision.Latest(read!, "Claude-Code"));
        Assert.Null(AgentDecision.Latest(read!, "copilot"));
    }

    [Theory]
    [InlineData("{\"decision\":\"pause\",\"agent\":\"a\",\"by\":\"D\",\"at\":\"2026-01-31T09:30:00Z\",\"reason\":\"r\"}", 2, 13, "'decision' must be \"stop\" or \"continue\", not 'pause'.")]
    [InlineData("{\"decision\":\"stop\",\"by\":\"D\",\"at\":\"2026-01-31T09:30:00Z\",\"reason\":\"r\"}", 2, 1, "'agent' is missing: the agent decided about.")]
    [InlineData("{\"decision\":\"stop\",\"agent\":\"a\",\"by\":\"D\",\"at\":\"2026-01-31 09:30\",\"reason\":\"r\"}", 2, 46, "'at' must be a UTC time such as 2026-01-31T09:30:00Z, not '2026-01-31 09:30'.")]
    public void Problems_are_reported_at_their_line_and_column(string line, int expectedLine, int column, string message)
    {
        using var file = new TempFile(DecisionLog.FileName, "// header\n" + line + "\n");

        Assert.Null(DecisionLog.Load(file.Path, out var diagnostics));

        var error = Assert.Single(diagnostics);
        Assert.Equal(("AGT0018", expectedLine, column, message), (error.Code, error.Line, error.Column, error.Message));
    }
}
