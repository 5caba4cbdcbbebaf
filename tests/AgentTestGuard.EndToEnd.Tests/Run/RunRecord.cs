using System.Text.Json;

namespace AgentTestGuard.EndToEnd.Tests.Run;

/// <summary>The run record a test run left in its results directory, read as any consumer would: as JSON.</summary>
internal sealed class RunRecord
{
    private RunRecord(string path, JsonElement root)
    {
        Path = path;
        Root = root;
    }

    public string Path { get; }

    public JsonElement Root { get; }

    /// <summary>The one record in the directory; a run writes exactly one.</summary>
    public static RunRecord ReadSingle(string resultsDirectory)
    {
        var files = Directory.GetFiles(resultsDirectory, "*.agentrun.json", SearchOption.AllDirectories);
        var path = Assert.Single(files);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return new RunRecord(path, document.RootElement.Clone());
    }

    public JsonElement Verdict => Root.GetProperty("verdict");

    /// <summary>(outcome, classification) of each test by id.</summary>
    public IReadOnlyDictionary<string, (string Outcome, string Classification)> Tests =>
        Root.GetProperty("tests").EnumerateArray().ToDictionary(
            t => t.GetProperty("id").GetString()!,
            t => (t.GetProperty("outcome").GetString()!, t.GetProperty("classification").GetString()!));

    /// <summary>Every result, in the record's order: (id, display name or null, outcome, classification).</summary>
    public IReadOnlyList<(string Id, string? DisplayName, string Outcome, string Classification)> Results =>
        Root.GetProperty("tests").EnumerateArray().Select(t => (
            t.GetProperty("id").GetString()!,
            t.TryGetProperty("displayName", out var name) ? name.GetString() : null,
            t.GetProperty("outcome").GetString()!,
            t.GetProperty("classification").GetString()!)).ToList();

    public JsonElement Test(string id) =>
        Root.GetProperty("tests").EnumerateArray().Single(t => t.GetProperty("id").GetString() == id);

    /// <summary>
    /// The outcomes of every attempt of a test, in order: the first (its <c>outcome</c>), then its
    /// <c>reruns</c>. Checks that <c>attempts</c> counts them, and that a failure message is
    /// present exactly on the failed reruns.
    /// </summary>
    public IReadOnlyList<string> AttemptOutcomes(string id)
    {
        var test = Test(id);
        var reruns = test.TryGetProperty("reruns", out var list) ? list.EnumerateArray().ToList() : [];
        Assert.True(list.ValueKind != JsonValueKind.Array || reruns.Count > 0, $"{id}: 'reruns' is present only when it was rerun");
        foreach (var rerun in reruns)
        {
            var passed = rerun.GetProperty("outcome").GetString() == "passed";
            Assert.True(passed != rerun.TryGetProperty("failureMessage", out _), $"{id}: a failure message on exactly the failed reruns: {rerun}");
        }

        Assert.Equal(1 + reruns.Count, test.GetProperty("attempts").GetInt32());
        return [test.GetProperty("outcome").GetString()!, .. reruns.Select(r => r.GetProperty("outcome").GetString()!)];
    }

    /// <summary>The failure message of a test's rerun (0 for the first rerun).</summary>
    public string? RerunFailureMessage(string id, int rerun) =>
        Test(id).GetProperty("reruns")[rerun].TryGetProperty("failureMessage", out var message) ? message.GetString() : null;

    /// <summary>The ids of the tests marked flaky; <c>flaky</c> is only ever <c>true</c>, or absent.</summary>
    public IReadOnlyList<string> FlakyTests()
    {
        var tests = Root.GetProperty("tests").EnumerateArray().ToList();
        Assert.All(tests, t => Assert.True(!t.TryGetProperty("flaky", out var flaky) || flaky.ValueKind == JsonValueKind.True, t.ToString()));
        return tests.Where(t => t.TryGetProperty("flaky", out _)).Select(t => t.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The run's <c>reruns</c>: (requested, budgetSeconds, rounds, stopped), or null when absent.</summary>
    public (int Requested, int BudgetSeconds, int Rounds, string? Stopped)? Reruns =>
        Root.TryGetProperty("reruns", out var reruns)
            ? (reruns.GetProperty("requested").GetInt32(), reruns.GetProperty("budgetSeconds").GetInt32(), reruns.GetProperty("rounds").GetInt32(), reruns.GetProperty("stopped").GetString())
            : null;
}
