using System.Diagnostics;
using AgentTestGuard.History.Store;
using AgentTestGuard.History.Tests.TestSupport;
using Xunit;

namespace AgentTestGuard.History.Tests.Store;

/// <summary>
/// Several real `dotnet agt history import` processes against one store: none loses or corrupts
/// what another writes, and a process killed mid-import leaves the store valid and repeatable.
/// Run against SQLite and PostgreSQL.
/// </summary>
public abstract class ConcurrentImportContract : ToolStoreContract
{
    private const int TestsPerRun = 300;

    /// <summary>Checks the store's own consistency where the database offers a check.</summary>
    protected virtual void AssertIntact()
    {
    }

    [Fact]
    public void Eight_processes_importing_at_once_lose_nothing()
    {
        const int processes = 8;
        const int runsEach = 4;
        var folders = Enumerable.Range(0, processes).Select(p => WriteRuns($"p{p}", p * runsEach, runsEach)).ToList();

        var running = folders.Select(folder => ToolProcess.Start("history", "import", "--store", Store, "--path", Folder.Path, folder)).ToList();
        var outcomes = running.Select(Finish).ToList();

        Assert.All(outcomes, o => Assert.True(o.ExitCode == 0, o.Output));
        using var store = new HistoryLocation(Store, "test").Open();
        var snapshot = store.Read(new HistoryQuery(null, null, null));
        Assert.Equal(processes * runsEach, snapshot.Runs.Select(r => r.RunId).Distinct().Count());
        Assert.Equal(processes * runsEach * TestsPerRun, snapshot.Results.Count);
        Assert.All(snapshot.Runs.GroupJoin(snapshot.Results, r => r.Key, r => r.RunKey, (run, results) => results.Count()), count => Assert.Equal(TestsPerRun, count));
        AssertIntact();
    }

    [Fact]
    public void A_killed_import_leaves_whole_runs_and_can_be_repeated()
    {
        const int runs = 60;
        const int blockedAt = 50;
        var folder = WriteRuns("big", 0, runs);

        // The import reads the records in name order, one at a time. Record 50 is a named pipe
        // nobody writes to, so the import cannot finish before the kill however fast the machine:
        // it is killed at whatever point it has reached once 3 runs are stored (mid-run, or at
        // the latest while it waits on the pipe).
        var blocked = Path.Combine(folder, $"{blockedAt:D4}.agentrun.json");
        var wholeRecord = File.ReadAllText(blocked);
        File.Delete(blocked);
        MakeFifo(blocked);

        using (var import = ToolProcess.Start("history", "import", "--store", Store, "--path", Folder.Path, folder))
        {
            var watch = Stopwatch.StartNew();
            while (StoredRuns() < 3 && !import.HasExited && watch.Elapsed < TimeSpan.FromMinutes(3))
            {
                Thread.Sleep(20);
            }

            Assert.False(import.HasExited, "the import ended before it reached the pipe");
            import.Kill(entireProcessTree: true);
            import.WaitForExit();
        }

        using (var store = new HistoryLocation(Store, "test").Open())
        {
            var snapshot = store.Read(new HistoryQuery(null, null, null));
            Assert.InRange(snapshot.Runs.Count, 3, blockedAt);
            Assert.Equal(snapshot.Runs.Count * TestsPerRun, snapshot.Results.Count);
        }

        AssertIntact();
        File.Delete(blocked);
        File.WriteAllText(blocked, wholeRecord);
        var again = ToolProcess.Run("history", "import", "--store", Store, "--path", Folder.Path, folder);
        Assert.True(again.ExitCode == 0, again.Output);
        using var repeated = new HistoryLocation(Store, "test").Open();
        Assert.Equal(runs * TestsPerRun, repeated.Read(new HistoryQuery(null, null, null)).Results.Count);
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    private int StoredRuns()
    {
        try
        {
            using var store = new HistoryLocation(Store, "test").Open();
            return store.Read(new HistoryQuery(null, null, 1)).Runs.Count > 0 ? store.Read(new HistoryQuery(null, null, null)).Runs.Count : 0;
        }
        catch (HistoryStoreException)
        {
            return 0;
        }
    }

    private string WriteRuns(string name, int first, int count)
    {
        for (var i = first; i < first + count; i++)
        {
            var tests = Enumerable.Range(0, TestsPerRun)
                .Select(t => new T($"Shop.Tests.T{t % 20}.Test_{t}", (i + t) % 7 == 0 ? "failed" : "passed", $"{t:x32}"))
                .ToArray();
            Folder.Write($"{name}/{i:D4}.agentrun.json", Runs.Json($"{i + 1:x32}", Runs.Start.AddMinutes(i), $"rev{i / 3}", "ci", "Shop.Tests", tests));
        }

        return Path.Combine(Folder.Path, name);
    }

    private static (int ExitCode, string Output) Finish(Process process)
    {
        using (process)
        {
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
    }
}
