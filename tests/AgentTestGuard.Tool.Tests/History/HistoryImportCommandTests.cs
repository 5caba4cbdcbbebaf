using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.History;
using Xunit;

namespace AgentTestGuard.Tool.Tests.History;

public sealed class HistoryImportCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("agt-history-cmd-").FullName;

    public HistoryImportCommandTests() => Directory.CreateDirectory(Path.Combine(_root, ".git"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Without_paths_the_repositorys_TestResults_folders_go_into_the_default_store()
    {
        Write("tests/Shop.Tests/bin/Debug/net10.0/TestResults/a.agentrun.json", Record("11111111111111111111111111111111"));
        Write("tests/Shop.Tests/bin/Debug/net10.0/TestResults/sub/b.agentrun.json", Record("22222222222222222222222222222222"));
        Write("elsewhere/c.agentrun.json", Record("33333333333333333333333333333333"));

        var first = Import("--path", Path.Combine(_root, "tests"));
        var second = Import("--path", _root);

        var store = Path.Combine(_root, ".agenttestguard", "history.sqlite");
        Assert.Equal((ExitCodes.Success, ""), (first.ExitCode, first.Errors));
        Assert.Equal($"imported 2 run(s); 0 already in the history; 0 skipped  ({store})\n", first.Printed);
        Assert.Equal($"imported 0 run(s); 2 already in the history; 0 skipped  ({store})\n", second.Printed);
    }

    [Fact]
    public void A_corrupt_record_is_named_with_its_position_and_the_exit_code_says_so()
    {
        var good = Write("r/good.agentrun.json", Record("11111111111111111111111111111111"));
        var bad = Write("r/bad.agentrun.json", "{\n  \"schemaVersion\": 1,\n  \"tests\": [\n");
        var store = Path.Combine(_root, "elsewhere.sqlite");

        var run = Import("--path", _root, "--store", store, Path.Combine(_root, "r"));

        Assert.Equal(ExitCodes.CheckFailed, run.ExitCode);
        Assert.StartsWith($"error: {bad}(4,1): is not a complete run record: ", run.Errors, StringComparison.Ordinal);
        Assert.EndsWith(" (skipped)\n", run.Errors, StringComparison.Ordinal);
        Assert.Equal($"imported 1 run(s); 0 already in the history; 1 skipped  ({store})\n", run.Printed);
        Assert.True(File.Exists(good));
    }

    [Fact]
    public void A_path_that_does_not_exist_is_a_usage_error()
    {
        var run = Import("--path", _root, Path.Combine(_root, "nowhere"));

        Assert.Equal((ExitCodes.Usage, $"error: {Path.Combine(_root, "nowhere")}: no such file or folder.\n"), (run.ExitCode, run.Errors));
    }

    [Fact]
    public void A_false_alarm_in_the_history_is_recorded_in_the_incident_log_once()
    {
        var failing = new string('a', 32);
        var edited = new string('b', 32);
        Write("agenttestguard.policy.json", "{ \"agents\": [\"copilot\"] }");
        var first = Write("r/1.agentrun.json", Record("11111111111111111111111111111111").Replace("\"passed\"", "\"failed\"", StringComparison.Ordinal).Replace("d496ca88dc88fadc8f275c676b441092", failing, StringComparison.Ordinal));
        var second = Write("r/2.agentrun.json", Record("22222222222222222222222222222222").Replace("0a1b2c", "3d4e5f", StringComparison.Ordinal).Replace("09:30:", "10:30:", StringComparison.Ordinal).Replace("d496ca88dc88fadc8f275c676b441092", edited, StringComparison.Ordinal));

        var run = Import("--path", _root, first, second);
        var again = Import("--path", _root, first, second);

        var log = Path.Combine(_root, "agenttestguard.incidents.jsonl");
        Assert.Equal(
            $"imported 2 run(s); 0 already in the history; 0 skipped  ({Path.Combine(_root, ".agenttestguard", "history.sqlite")})\nrecorded 1 false alarm(s) in {log}: review and commit it\n",
            run.Printed);
        Assert.DoesNotContain("recorded", again.Printed, StringComparison.Ordinal);
        Assert.Equal(
            "// AgentTestGuard incidents: one line per rejected agent test or other agent mistake, oldest first. Reviewed like code; see docs/files.md.\n"
            + $$"""{"kind":"false-alarm","assembly":"Shop.Tests","test":"Shop.Tests.CartTests.Adds","fingerprint":"{{failing}}","agent":"copilot","by":"AgentTestGuard (dotnet agt history import)","at":"2026-11-24T10:30:00Z","reason":"failed at 0a1b2c with fingerprint {{failing}}; passed at 3d4e5f with fingerprint {{edited}}"}""" + "\n",
            File.ReadAllText(log));
    }

    private static ToolRun Import(params string[] args) => new(HistoryCommand.Create, ["history", "import", .. args]);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Record(string runId) => $$"""
        {
          "schemaVersion": 1,
          "generator": "AgentTestGuard 0.1.0",
          "runId": "{{runId}}",
          "assembly": "Shop.Tests",
          "environment": "ci",
          "environmentAllowsUnreviewedTests": true,
          "enforce": false,
          "machine": "build-01",
          "codeRevision": { "id": "0a1b2c", "source": "GITHUB_SHA" },
          "startedAt": "2026-11-24T09:30:00+00:00",
          "finishedAt": "2026-11-24T09:30:04+00:00",
          "verdict": { "gatingFailures": 0, "quarantinedFailures": 0, "quarantinedFailuresIgnored": false, "enforceFailed": false, "cancelled": false },
          "tests": [
            {"id":"Shop.Tests.CartTests.Adds","outcome":"passed","attempts":1,"classification":"quarantined","approval":"unapproved","agent":"copilot","fingerprint":"d496ca88dc88fadc8f275c676b441092","criteria":["CART-1"]}
          ]
        }
        """;
}
