using System.Text.Json;
using AgentTestGuard.History.Tests.TestSupport;
using Xunit;

namespace AgentTestGuard.History.Tests.Metrics;

/// <summary>
/// Run records with reruns, through the real tool: `dotnet agt history import`, then `metrics --json`.
/// Run against SQLite and PostgreSQL.
/// </summary>
public abstract class RerunMetricsJsonContract : ToolStoreContract
{
    private static readonly string[] FivePasses = ["passed", "passed", "passed", "passed", "passed"];

    private static readonly string[] Figures = ["testsSeen", "flakyTests", "flakyFailures", "defectsCaught", "falseAlarms", "triage", "value", "defectCatchRate", "flakinessRate"];

    [Fact]
    public void Flaky_reruns_are_flaky_failures_and_credit_no_defect()
    {
        Directory.CreateDirectory(Path.Combine(Folder.Path, ".git"));
        Folder.Write("records/1.agentrun.json", Runs.Json(
            "11111111111111111111111111111111", Runs.Start, "r1",
            new T("Shop.Tests.A.Steady", "passed", Reruns: FivePasses),
            new T("Shop.Tests.A.First_failed", "failed", Reruns: ["passed", "passed", "failed", "passed", "passed"]),
            new T("Shop.Tests.A.Rerun_failed", "passed", Reruns: ["passed", "passed", "passed", "passed", "error"]),
            new T("Shop.Tests.A.Broken", "failed", Reruns: ["failed", "failed", "failed", "failed", "failed"])));
        Folder.Write("records/2.agentrun.json", Runs.Json(
            "22222222222222222222222222222222", Runs.Start.AddDays(1), "r2",
            new T("Shop.Tests.A.Steady", "passed", Reruns: FivePasses),
            new T("Shop.Tests.A.First_failed", "passed", Reruns: FivePasses),
            new T("Shop.Tests.A.Rerun_failed", "passed", Reruns: FivePasses),
            new T("Shop.Tests.A.Broken", "passed", Reruns: FivePasses)));

        var import = ToolProcess.Run("history", "import", "--store", Store, "--path", Folder.Path, Path.Combine(Folder.Path, "records"));
        var metrics = ToolProcess.Run("metrics", "--json", "--store", Store, "--path", Folder.Path);

        Assert.True(import.ExitCode == 0, import.Output);
        Assert.Contains("imported 2 run(s); 0 already in the history; 0 skipped", import.Output, StringComparison.Ordinal);
        Assert.True(metrics.ExitCode == 0, metrics.Output);
        var root = JsonDocument.Parse(metrics.Output).RootElement;
        Assert.Equal(
            "testsSeen=4 flakyTests=2 flakyFailures=2 defectsCaught=1 falseAlarms=0 triage=2 value=1 defectCatchRate=0.3333 flakinessRate=0.5",
            Describe(root.GetProperty("overall")));
        Assert.Equal(
            [
                "Shop.Tests.A.Broken: testsSeen=1 flakyTests=0 flakyFailures=0 defectsCaught=1 falseAlarms=0 triage=0 value=1 defectCatchRate=1 flakinessRate=0",
                "Shop.Tests.A.First_failed: testsSeen=1 flakyTests=1 flakyFailures=1 defectsCaught=0 falseAlarms=0 triage=1 value=0 defectCatchRate=0 flakinessRate=1",
                "Shop.Tests.A.Rerun_failed: testsSeen=1 flakyTests=1 flakyFailures=1 defectsCaught=0 falseAlarms=0 triage=1 value=0 defectCatchRate=0 flakinessRate=1",
                "Shop.Tests.A.Steady: testsSeen=1 flakyTests=0 flakyFailures=0 defectsCaught=0 falseAlarms=0 triage=0 value=0 defectCatchRate=null flakinessRate=0",
            ],
            root.GetProperty("tests").EnumerateArray().Select(t => $"{t.GetProperty("test").GetString()}: {Describe(t)}"));
    }

    private static string Describe(JsonElement row) => string.Join(' ', Figures.Select(key => $"{key}={row.GetProperty(key).GetRawText()}"));
}

public sealed class SqliteRerunMetricsJsonTests : RerunMetricsJsonContract
{
    protected override string Store => Path.Combine(Folder.Path, "history.sqlite");
}

public sealed class PostgresRerunMetricsJsonTests(PostgresServer server) : RerunMetricsJsonContract
{
    private readonly string _store = server.NewDatabase();

    protected override string Store => _store;
}
