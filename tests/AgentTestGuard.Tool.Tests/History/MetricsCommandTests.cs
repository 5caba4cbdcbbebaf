using System.Globalization;
using System.Text.Json;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.History;
using Xunit;

namespace AgentTestGuard.Tool.Tests.History;

public sealed class MetricsCommandTests : IDisposable
{
    private const string Dana = "Dana Lee <dana@example.com>";

    // Times relative to now: the stop rule's window is the last 30 days of the clock.
    private static readonly DateTimeOffset Day1 = DateTimeOffset.UtcNow.Date.AddDays(-3);

    private readonly string _root = Directory.CreateTempSubdirectory("agt-metrics-cmd-").FullName;

    public MetricsCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, ".git"));
        Write("agenttestguard.policy.json", """{ "agents": ["copilot"], "stopRule": { "windowDays": 30, "minimumEvents": 2, "maxTriageToValue": 1 } }""");
        // Adds fails, then passes only after it was edited (a false alarm); Retries passes after a failed attempt (flaky).
        Write("r/1.agentrun.json", RunRecordJson.Write("1", Day1, "r1", ("Adds", "failed", 'a', 1), ("Retries", "passed", 'c', 2)));
        Write("r/2.agentrun.json", RunRecordJson.Write("2", Day1.AddDays(1), "r2", ("Adds", "passed", 'b', 1), ("Retries", "passed", 'c', 1)));
        var import = Run(HistoryCommand.Create, "history", "import", "--path", _root, Path.Combine(_root, "r"));
        Assert.Equal(ExitCodes.Success, import.ExitCode);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_json_gives_each_agent_its_figures_and_its_stop_rule()
    {
        var run = Run(MetricsCommand.Create, "metrics", "--json", "--path", _root);

        Assert.Equal((ExitCodes.Success, ""), (run.ExitCode, run.Errors));
        using var document = JsonDocument.Parse(run.Printed);
        var root = document.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(2, root.GetProperty("window").GetProperty("runs").GetInt32());
        var agent = Assert.Single(root.GetProperty("agents").EnumerateArray());
        Assert.Equal(
            "agent=copilot testsSeen=2 defectsCaught=0 falseAlarms=1 flakyTests=1 flakyFailures=1 rejections=0 mistakes=0 approved=0 pendingReview=2 triage=2 value=0",
            string.Join(' ', new[] { "agent", "testsSeen", "defectsCaught", "falseAlarms", "flakyTests", "flakyFailures", "rejections", "mistakes", "approved", "pendingReview", "triage", "value" }
                .Select(key => $"{key}={agent.GetProperty(key)}")));
        var rule = agent.GetProperty("stopRule");
        Assert.Equal(
            (true, true, 2, 2, 0, Day1.AddDays(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), JsonValueKind.Null),
            (rule.GetProperty("trips").GetBoolean(), rule.GetProperty("needsDecision").GetBoolean(), rule.GetProperty("events").GetInt32(),
             rule.GetProperty("triage").GetInt32(), rule.GetProperty("value").GetInt32(), rule.GetProperty("trippedAt").GetString(), rule.GetProperty("decision").ValueKind));
        Assert.Equal(2, root.GetProperty("tests").GetArrayLength());
    }

    [Fact]
    public void The_table_aligns_each_agents_figures_and_names_the_tripped_rule()
    {
        var run = Run(MetricsCommand.Create, "metrics", "--path", _root);

        var lines = run.Printed.Split('\n');
        Assert.Equal($"2 CI runs  ({Path.Combine(_root, ".agenttestguard", "history.sqlite")})", lines[0]);
        Assert.Equal(
            [
                "AGENT    TESTS  FLAKY  FLAKY FAILURES  CAUGHT  FALSE ALARMS  REJECTED  MISTAKES  APPROVED  PENDING  TRIAGE  VALUE  CATCH RATE   STOP RULE",
                "copilot  2      1      1               0       1             0         0         0         2        2       0      0% (0 of 2)  TRIPS",
                "overall  2      1      1               0       1             0         0         0         2        2       0      0% (0 of 2)",
                $"stop rule for copilot: triage 2 vs value 0 in 2 event(s); trips above 1 x value with at least 2 events; trips since {Day1.AddDays(1):yyyy-MM-dd} 00:00Z; awaits a human decision (dotnet agt stop|continue)",
            ],
            lines[2..6]);
    }

    [Fact]
    public void Check_fails_until_a_human_decides_and_passes_after()
    {
        var before = Run(MetricsCommand.Create, "metrics", "--check", "--path", _root);
        var bot = Run(c => StopCommand.Create(c, stop: true), "stop", "copilot", "--reason", "too flaky", "--by", "copilot[bot] <copilot@users.noreply.github.com>", "--path", _root);
        var stop = Run(c => StopCommand.Create(c, stop: true), "stop", "copilot", "--reason", "too flaky", "--by", Dana, "--path", _root);
        var after = Run(MetricsCommand.Create, "metrics", "--check", "--json", "--path", _root);

        Assert.Equal(ExitCodes.CheckFailed, before.ExitCode);
        Assert.Equal(
            $"error: the stop rule for copilot trips since {Day1.AddDays(1):yyyy-MM-dd} 00:00Z (triage 2 vs value 0 in 2 event(s); trips above 1 x value with at least 2 events) and no human has decided since. "
            + "A human decides with `dotnet agt stop copilot --reason \"...\"` (the build then refuses its new unapproved tests) or `dotnet agt continue copilot --reason \"...\"`, and commits agenttestguard.decisions.jsonl.\n",
            before.Errors);
        Assert.Equal(ExitCodes.Refused, bot.ExitCode);
        Assert.Equal(
            "error: refused: 'copilot[bot] <copilot@users.noreply.github.com>' cannot decide about copilot: it is a bot account ([bot]). Only a human may stop or continue an agent.\n",
            bot.Errors);
        Assert.Equal(ExitCodes.Success, stop.ExitCode);
        Assert.Matches(
            "^// AgentTestGuard stop-rule decisions: .*\n\\{\"decision\":\"stop\",\"agent\":\"copilot\",\"by\":\"Dana Lee <dana@example.com>\",\"at\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\",\"reason\":\"too flaky\"\\}\n$",
            File.ReadAllText(Path.Combine(_root, "agenttestguard.decisions.jsonl")));
        Assert.Equal((ExitCodes.Success, ""), (after.ExitCode, after.Errors));
        using var document = JsonDocument.Parse(after.Printed);
        var decision = document.RootElement.GetProperty("agents")[0].GetProperty("stopRule").GetProperty("decision");
        Assert.Equal(("stop", Dana), (decision.GetProperty("decision").GetString(), decision.GetProperty("by").GetString()));
    }

    [Fact]
    public void A_filter_by_agent_or_criterion_narrows_the_rows()
    {
        var other = Run(MetricsCommand.Create, "metrics", "--json", "--agent", "claude-code", "--path", _root);
        var criterion = Run(MetricsCommand.Create, "metrics", "--json", "--criterion", "CART-1", "--path", _root);
        var none = Run(MetricsCommand.Create, "metrics", "--json", "--criterion", "CART-9", "--path", _root);

        using var o = JsonDocument.Parse(other.Printed);
        using var c = JsonDocument.Parse(criterion.Printed);
        using var n = JsonDocument.Parse(none.Printed);
        Assert.Equal(0, o.RootElement.GetProperty("overall").GetProperty("testsSeen").GetInt32());
        Assert.Equal(2, c.RootElement.GetProperty("overall").GetProperty("testsSeen").GetInt32());
        Assert.Equal(0, n.RootElement.GetProperty("overall").GetProperty("testsSeen").GetInt32());
    }

    [Fact]
    public void A_since_that_is_no_time_is_a_usage_error()
    {
        var run = Run(MetricsCommand.Create, "metrics", "--since", "yesterday", "--path", _root);

        Assert.Equal((ExitCodes.Usage, "error: --since 'yesterday' is neither a number of days (30d) nor a UTC date (2026-11-01).\n"), (run.ExitCode, run.Errors));
    }

    private static ToolRun Run(Func<Output, System.CommandLine.Command> create, params string[] args) => new(create, args);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
