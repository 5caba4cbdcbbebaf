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
}
