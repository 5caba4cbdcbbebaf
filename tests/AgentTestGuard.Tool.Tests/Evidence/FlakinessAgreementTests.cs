using System.Globalization;
using AgentTestGuard.Approvals;
using AgentTestGuard.History.Import;
using AgentTestGuard.History.Metrics;
using AgentTestGuard.History.Store;
using AgentTestGuard.Inventory;
using AgentTestGuard.Tests.Shared;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Commands;
using AgentTestGuard.Tool.Evidence;
using AgentTestGuard.Tool.History;
using AgentTestGuard.Tool.Report.Building;
using AgentTestGuard.Tool.Report.Model;
using AgentTestGuard.Tool.Report.Sources;
using AgentTestGuard.Tool.Workspace;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Evidence;

/// <summary>
/// The three places that judge flakiness (the run record's reruns, the history, and the evidence of
/// status and approve) give the same answer on the same facts, read from real records and a real history.
/// </summary>
public sealed class FlakinessAgreementTests : IDisposable
{
    private const string Test = "Shop.Tests.CartTests.Total";
    private const string Fingerprint = "v2:cccccccccccccccccccccccccccccccc";
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private readonly TempGitRepository _repository = TempGitRepository.Init();

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void A_test_flaky_in_the_latest_records_reruns_is_flaky_in_status_refused_by_approve_and_marked_by_the_report()
    {
        Record(1, "a1", "failed", reruns: ["passed", "passed"], flaky: true);

        var (status, approve, report) = Judge(history: false);

        Assert.Equal("quarantined  Shop.Tests.CartTests.Total  copilot  CART-12   1     0       1       yes    no", status);
        Assert.Equal(ExitCodes.EvidenceMissing, approve);
        Assert.Equal(new ReportReruns(3, 1, Flaky: true), report.LatestReruns);
        Assert.Null(report.Flaky);
    }

    [Theory]
    [InlineData("a1", true, true)]
    [InlineData("a1", false, true)]
    [InlineData("a2", true, false)]
    [InlineData("a2", false, false)]
    public void A_CI_failure_then_a_pass_at_the_same_fingerprint_is_flaky_everywhere_only_at_the_same_revision(string secondRevision, bool failedRecordInTestResults, bool flaky)
    {
        Record(1, "a1", "failed");
        Record(2, secondRevision, "passed");

        // Both runs are in the history; the failed run's record may be gone from TestResults, or not.
        var (status, approve, report) = Judge(history: true, keep: failedRecordInTestResults ? null : "run2");

        Assert.Equal($"quarantined  Shop.Tests.CartTests.Total  copilot  CART-12   2     1       1       {(flaky ? "yes" : "no ")}    no", status);
        Assert.Equal(flaky ? ExitCodes.EvidenceMissing : 0, approve);
        Assert.Equal(flaky, report.Flaky);
        Assert.Null(report.LatestReruns);
    }

    /// <summary>
    /// Status's row of the test, approve's exit code, and the report's entry, from the records
    /// (imported into a history when asked) of which the TestResults keep those of <paramref name="keep"/>'s run, else all.
    /// </summary>
    private (string Status, int Approve, ReportTest Report) Judge(bool history, string? keep = null)
    {
        var files = Directory.GetFiles(_repository.PathOf("TestResults"));
        var (runs, _) = RecentRunRecords.Read(files.Where(f => keep is null || f.EndsWith($".{keep}.agentrun.json", StringComparison.Ordinal)));
        var row = new AgentTestRow(
            new TestProject(_repository.PathOf("Shop.Tests.csproj"), "Shop.Tests", [], _repository.PathOf("agenttestguard.approvals.jsonl"), null, []),
            new AgentTest(Test, "Shop.Tests.CartTests", "Total", "copilot", AgentEvidence.None, ["CART-12"], Fingerprint, Source: null),
            ApprovalState.Unapproved,
            Rejected: false);
        var reviews = new ReviewFiles(ReviewRecords.None, [], _repository.PathOf(".agenttestguard/decisions.jsonl"));
        var stored = HistoryEvidence.None;
        HistoryFacts? facts = null;
        if (history)
        {
            using var store = SqliteHistoryStore.Open(_repository.PathOf(".agenttestguard/history.sqlite"));
            HistoryImporter.Import(store, files);
            stored = HistoryEvidence.Of(store.Read(new HistoryQuery(null, null, null)), [new EvidenceKey("Shop.Tests", Test, Fingerprint)]);
            facts = HistoryFacts.Read(store, reviews, Configuration.StopRule.Default, Now, _repository.Root);
        }

        var sources = new EvidenceSources(runs, catalog: null, stored);
        using var standard = new StringWriter();
        StatusCommand.Write([row], sources, json: false, new Output(standard, new StringWriter(), colour: false));
        var request = new ApproveCommand.Request([Test], "read it", GitRepository.Human, null, []);
        var approve = ApproveCommand.Decide([row], _repository.Root, sources, request, Now, new Output(new StringWriter(), new StringWriter(), colour: false));
        var report = QuarantineReportBuilder.Build(new ReportInputs(Now, _repository.Root, null, null, [row], reviews, runs, facts));
        return (standard.ToString().ReplaceLineEndings("\n").Split('\n')[1].TrimEnd(), approve, report.Tests.Single());
    }

    /// <summary>A CI run's record with the test's result (and its reruns) at its fingerprint, in the repository's TestResults.</summary>
    private void Record(int n, string revision, string outcome, string[]? reruns = null, bool flaky = false)
    {
        Directory.CreateDirectory(_repository.PathOf("TestResults"));
        var at = Now.AddDays(-3 + n).ToString("O", CultureInfo.InvariantCulture);
        var rerunsJson = reruns is null ? "" : $", \"reruns\": [{string.Join(", ", reruns.Select(r => $$"""{ "outcome": "{{r}}", "durationMs": 2 }"""))}]";
        _repository.Write($"TestResults/Shop.Tests.run{n}.agentrun.json", $$"""
            { "schemaVersion": 1, "runId": "run{{n}}", "assembly": "Shop.Tests", "environment": "ci", "enforce": true, "machine": "agent-1",
              "codeRevision": { "id": "{{revision}}", "source": "GITHUB_SHA" }, "startedAt": "{{at}}", "finishedAt": "{{at}}",
              "verdict": { "gatingFailures": 0, "quarantinedFailures": {{(outcome == "failed" ? 1 : 0)}}, "enforceFailed": true },
              "tests": [ { "id": "{{Test}}", "outcome": "{{outcome}}", "attempts": {{1 + (reruns?.Length ?? 0)}}{{rerunsJson}}{{(flaky ? ", \"flaky\": true" : "")}},
                "classification": "quarantined", "agent": "copilot", "fingerprint": "{{Fingerprint}}", "criteria": ["CART-12"] } ] }
            """);
    }
}
