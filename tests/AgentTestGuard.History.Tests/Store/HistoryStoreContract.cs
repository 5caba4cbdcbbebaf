using AgentTestGuard.History.Import;
using AgentTestGuard.History.Store;
using AgentTestGuard.History.Tests.TestSupport;
using Xunit;

namespace AgentTestGuard.History.Tests.Store;

/// <summary>
/// What every store must do, run against each (SQLite and a real PostgreSQL server): the derived
/// classes only say how to open a fresh, empty store.
/// </summary>
public abstract partial class HistoryStoreContract : IDisposable
{
    protected TempFolder Folder { get; } = new();

    /// <summary>Opens the store under test: the same one each time within a test.</summary>
    // private protected: IHistoryStore is internal to the package.
    private protected abstract IHistoryStore Open();

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing) => Folder.Dispose();

    [Fact]
    public void Importing_the_same_records_twice_adds_nothing_the_second_time()
    {
        var files = new[]
        {
            Folder.Write("a/TestResults/one.agentrun.json", Runs.Json("11111111111111111111111111111111", Runs.Start, "r1", new T("Shop.Tests.A.B", "failed"))),
            Folder.Write("a/TestResults/two.agentrun.json", Runs.Json("22222222222222222222222222222222", Runs.Start.AddHours(1), "r2", new T("Shop.Tests.A.B", "passed"))),
        };

        using var store = Open();
        var first = HistoryImporter.Import(store, files);
        var second = HistoryImporter.Import(store, files);

        Assert.Equal((2, 0, 0), (first.Added, first.AlreadyStored, first.Problems.Count));
        Assert.Equal((0, 2, 0), (second.Added, second.AlreadyStored, second.Problems.Count));
        var snapshot = store.Read(HistoryQuery.CiRuns);
        Assert.Equal(["11111111111111111111111111111111", "22222222222222222222222222222222"], snapshot.Runs.Select(r => r.RunId));
        Assert.Equal(2, snapshot.Results.Count);
    }

    [Fact]
    public void A_corrupt_record_is_skipped_and_the_others_are_imported()
    {
        var good = Folder.Write("one.agentrun.json", Runs.Json("11111111111111111111111111111111", Runs.Start, "r1", new T("Shop.Tests.A.B", "passed")));
        var bad = Folder.Write("two.agentrun.json", "{\n  \"schemaVersion\": 1,\n  \"runId\": ");

        using var store = Open();
        var summary = HistoryImporter.Import(store, [bad, good]);

        Assert.Equal(1, summary.Added);
        Assert.Equal(bad, Assert.Single(summary.Problems).Path);
        Assert.StartsWith("3,", summary.Problems[0].Position, StringComparison.Ordinal);
        Assert.Single(store.Read(HistoryQuery.CiRuns).Runs);
    }

    [Fact]
    public void A_run_reads_back_as_it_was_recorded()
    {
        var file = Folder.Write("one.agentrun.json", Runs.Json(
            "33333333333333333333333333333333", Runs.Start, "r1", "ci", "Shop.Tests",
            new T("Shop.Tests.A.Theory", "failed", "f2", Attempts: 3, DisplayName: "Theory(1)", Criteria: ["CART-7", "CART-3"]),
            new T("Shop.Tests.A.Other", "skipped", Agent: "claude-code"),
            new T("Shop.Tests.A.Rerun", "passed", Reruns: ["failed", "passed"])));

        using var store = Open();
        HistoryImporter.Import(store, [file]);
        var snapshot = store.Read(HistoryQuery.CiRuns);

        var run = Assert.Single(snapshot.Runs);
        Assert.Equal(("33333333333333333333333333333333", "Shop.Tests", "ci", "r1", Runs.Start), (run.RunId, run.Assembly, run.Environment, run.Revision, run.StartedAt));
        Assert.Equal(
            [
                "Shop.Tests.A.Other||claude-code|f1|CART-1|Skipped|1|None",
                "Shop.Tests.A.Rerun||copilot|f1|CART-1|Passed|3|Listed, Passed, Failed",
                "Shop.Tests.A.Theory|Theory(1)|copilot|f2|CART-3,CART-7|Failed|3|None",
            ],
            snapshot.Results
                .Select(r => (Variant: snapshot.Variants[r.VariantKey], Result: r))
                .Select(x => $"{x.Variant.Test}|{x.Variant.Case}|{x.Variant.Agent}|{x.Variant.Fingerprint}|{string.Join(',', x.Variant.Criteria)}|{x.Result.Outcome}|{x.Result.Attempts}|{x.Result.Listed}")
                .Order(StringComparer.Ordinal));
        Assert.Equal(Runs.Start, snapshot.FirstSeen[("Shop.Tests", "Shop.Tests.A.Theory")]);
    }

    [Fact]
    public void The_query_selects_environments_a_start_and_the_last_runs()
    {
        var files = new[]
        {
            Folder.Write("1.agentrun.json", Runs.Json("1", Runs.Start, "r1", "ci", "Shop.Tests", new T("Shop.Tests.A.B", "passed"))),
            Folder.Write("2.agentrun.json", Runs.Json("2", Runs.Start.AddDays(1), "r2", "local", "Shop.Tests", new T("Shop.Tests.A.B", "failed"))),
            Folder.Write("3.agentrun.json", Runs.Json("3", Runs.Start.AddDays(2), "r3", "ci", "Shop.Tests", new T("Shop.Tests.A.B", "passed"))),
            Folder.Write("4.agentrun.json", Runs.Json("4", Runs.Start.AddDays(3), "r4", "ci", "Shop.Tests", new T("Shop.Tests.A.C", "passed"))),
        };
        using var store = Open();
        HistoryImporter.Import(store, files);

        string Ids(HistoryQuery query)
        {
            var snapshot = store.Read(query);
            var runs = snapshot.Runs.Select(r => r.Key).ToHashSet();
            Assert.All(snapshot.Results, r => Assert.Contains(r.RunKey, runs));
            return string.Join(",", snapshot.Runs.Select(r => r.RunId)) + "/" + snapshot.Results.Count;
        }

        Assert.Equal("1,3,4/3", Ids(HistoryQuery.CiRuns));
        Assert.Equal("1,2,3,4/4", Ids(new HistoryQuery(null, null, null)));
        Assert.Equal("3,4/2", Ids(HistoryQuery.CiRuns with { Since = Runs.Start.AddDays(1) }));
        Assert.Equal("4/1", Ids(HistoryQuery.CiRuns with { LastRuns = 1 }));
        Assert.Equal("2,3,4/3", Ids(new HistoryQuery(null, null, 3)));
        // A test's first sight does not depend on the window, only on the environments.
        Assert.Equal(Runs.Start, store.Read(HistoryQuery.CiRuns with { LastRuns = 1 }).FirstSeen[("Shop.Tests", "Shop.Tests.A.B")]);
        Assert.Equal(Runs.Start.AddDays(1), store.Read(new HistoryQuery(["local"], null, null)).FirstSeen[("Shop.Tests", "Shop.Tests.A.B")]);
    }

    [Fact]
    public void A_run_imported_out_of_order_moves_a_first_sight_back()
    {
        var later = Folder.Write("later.agentrun.json", Runs.Json("2", Runs.Start.AddDays(1), "r2", new T("Shop.Tests.A.B", "passed")));
        var earlier = Folder.Write("earlier.agentrun.json", Runs.Json("1", Runs.Start, "r1", new T("Shop.Tests.A.B", "passed")));

        using var store = Open();
        HistoryImporter.Import(store, [later]);
        HistoryImporter.Import(store, [earlier]);

        Assert.Equal(Runs.Start, store.Read(HistoryQuery.CiRuns).FirstSeen[("Shop.Tests", "Shop.Tests.A.B")]);
    }

    [Fact]
    public void A_store_opened_again_keeps_what_it_had_and_still_refuses_duplicates()
    {
        var file = Folder.Write("one.agentrun.json", Runs.Json("1", Runs.Start, "r1", new T("Shop.Tests.A.B", "passed")));
        using (var store = Open())
        {
            HistoryImporter.Import(store, [file]);
        }

        using var reopened = Open();
        Assert.Equal(0, HistoryImporter.Import(reopened, [file]).Added);
        Assert.Single(reopened.Read(HistoryQuery.CiRuns).Runs);
    }
}
