using System.Globalization;
using System.Text.Json;
using AgentTestGuard.Approvals;
using AgentTestGuard.Tests.Shared;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.History;
using Xunit;

namespace AgentTestGuard.Tool.Tests.History;

/// <summary>In a git repository, review burden counts from the commit that added a test, or from its first run if that came first.</summary>
public sealed class FirstSightCommandTests
{
    private const string Dana = "Dana Lee <dana@example.com>";
    private static readonly DateTimeOffset Day1 = DateTimeOffset.UtcNow.Date.AddDays(-10).AddHours(9);

    [Fact]
    public void Time_to_decision_counts_from_the_commit_that_added_the_test_unless_a_run_saw_it_first()
    {
        using var repository = TempGitRepository.Init();
        repository.Write("agenttestguard.policy.json", """{ "agents": ["copilot"] }""");
        repository.Write("CartTests.cs", Tests("Adds"));
        Commit(repository, Day1);

        // The first CI run, two days later, sees Adds and Late; Late is committed only after it (a squash merge, say).
        Directory.CreateDirectory(repository.PathOf("r"));
        repository.Write("r/1.agentrun.json", RunRecordJson.Write("1", Day1.AddDays(2), "r1", ("Adds", "passed", 'a', 1), ("Late", "passed", 'a', 1)));
        repository.Write(".gitignore", "r/\n.agenttestguard/\n");
        repository.Write("CartTests.cs", Tests("Adds", "Late"));
        Commit(repository, Day1.AddDays(4));
        ApprovalLedger.Write(repository.PathOf("agenttestguard.approvals.jsonl"),
        [
            new("Shop.Tests", "Shop.Tests.CartTests.Adds", new string('a', 32), Dana, Day1.AddDays(3)),
            new("Shop.Tests", "Shop.Tests.CartTests.Late", new string('a', 32), Dana, Day1.AddDays(4).AddHours(3)),
        ]);

        var import = new ToolRun(HistoryCommand.Create, "history", "import", "--path", repository.Root, repository.PathOf("r"));
        var metrics = new ToolRun(MetricsCommand.Create, "metrics", "--json", "--path", repository.Root);

        Assert.Equal((ExitCodes.Success, ExitCodes.Success, ""), (import.ExitCode, metrics.ExitCode, metrics.Errors));
        using var document = JsonDocument.Parse(metrics.Printed);
        var hours = document.RootElement.GetProperty("tests").EnumerateArray()
            .ToDictionary(t => t.GetProperty("test").GetString()!, t => t.GetProperty("decisionTimeMedianHours").GetDouble());
        // Adds: committed on day 1, approved on day 4 (72 h; its first run was only 24 h before).
        // Late: first run on day 3, approved on day 5 at 12:00 (51 h; its commit was 3 h before).
        Assert.Equal(new Dictionary<string, double> { ["Shop.Tests.CartTests.Adds"] = 72, ["Shop.Tests.CartTests.Late"] = 51 }, hours);
    }

    private static void Commit(TempGitRepository repository, DateTimeOffset authored)
    {
        repository.Run("add", "-A");
        repository.Run("commit", "-q", "-m", "tests", "--date", authored.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

    private static string Tests(params string[] methods) =>
        "namespace Shop.Tests;\n\npublic class CartTests\n{\n"
        + string.Concat(methods.Select(m => $"    [Fact, AgentGenerated(\"copilot\", Criteria = [\"CART-1\"])]\n    public void {m}()\n    {{\n    }}\n\n"))
        + "}\n";
}
