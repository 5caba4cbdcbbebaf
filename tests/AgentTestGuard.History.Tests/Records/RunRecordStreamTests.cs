using System.Text;
using System.Text.RegularExpressions;
using AgentTestGuard.History.Records;
using AgentTestGuard.History.Tests.TestSupport;
using Xunit;

namespace AgentTestGuard.History.Tests.Records;

/// <summary>The fast path reads what the document path reads, or leaves the record to it.</summary>
public sealed class RunRecordStreamTests
{
    [Fact]
    public void A_well_formed_record_reads_the_same_by_either_path()
    {
        var json = Runs.Json(
            "0123456789abcdef0123456789abcdef", Runs.Start, "rev1", "ci", "Shop.Tests",
            new T("Shop.Tests.A.Gating", "passed", Agent: ""),
            new T("Shop.Tests.A.Theory", "failed", "f9", Attempts: 2, DisplayName: "Theory(x: 2)", Criteria: ["CART-2", "CART-1"]),
            new T("Shop.Tests.Derived.Inherited", "passed", DeclaredAs: "Shop.Tests.Base.Inherited"),
            new T("Shop.Tests.A.Rerun", "passed", Reruns: ["passed", "failed"]),
            new T("Shop.Tests.A.Steady", "failed", Reruns: ["failed", "skipped"]));
        // An escaped key name, and the tests before the run's own fields.
        json = json.Replace("\"machine\"", "\"mach\\u0069ne\"", StringComparison.Ordinal);
        // Values of the wrong kind the history reads as absent: no flakiness, one attempt.
        json = json.Replace("\"id\": \"Shop.Tests.A.Theory\",", "\"id\": \"Shop.Tests.A.Theory\", \"flaky\": { \"reason\": [true] },", StringComparison.Ordinal);
        json = Regex.Replace(json, "(\"Shop.Tests.Derived.Inherited\",\\s*\"outcome\": \"passed\",\\s*\"attempts\": )1", "$1[2]");

        var fast = RunRecordStream.TryRead(Encoding.UTF8.GetBytes(json));

        Assert.NotNull(fast);
        Assert.Equal(Describe(ReadByDocument(json)), Describe(fast));
        Assert.Equal("build-01", fast.Machine);
        Assert.Equal(
            ["Failed|2|None", "Passed|1|None", "Passed|3|Listed, Passed, Failed", "Failed|3|Listed, Failed"],
            fast.Results.Select(r => $"{r.Outcome}|{r.Attempts}|{r.Listed}"));
    }

    [Theory]
    [InlineData("\"assembly\": \"Shop.Tests\",", "\"assembly\": \"Shop.Tests\", \"assembly\": \"Other.Tests\",")]
    [InlineData("\"outcome\": \"passed\"", "\"outcome\": \"passed\", \"outcome\": \"failed\"")]
    [InlineData("\"outcome\": \"passed\"", "\"outcome\": \"exploded\"")]
    [InlineData("\"environment\": \"ci\",", "")]
    [InlineData("\"attempts\": 1,", "\"attempts\": 2, \"reruns\": [{ \"outcome\": \"exploded\" }],")]
    [InlineData("\"attempts\": 1,", "\"attempts\": 2, \"reruns\": [\"failed\"],")]
    [InlineData("\"attempts\": 1,", "\"attempts\": 2, \"reruns\": { \"outcome\": \"failed\" },")]
    public void Anything_unexpected_is_left_to_the_document_path(string find, string replace)
    {
        var json = Runs.Json("0123456789abcdef0123456789abcdef", Runs.Start, "rev1", new T("Shop.Tests.A.B", "passed"));
        Assert.Contains(find, json, StringComparison.Ordinal);

        Assert.Null(RunRecordStream.TryRead(Encoding.UTF8.GetBytes(json.Replace(find, replace, StringComparison.Ordinal))));
    }

    // The document path alone: the record with a key the fast path refuses to read twice, where
    // the second is one the history ignores (so both would give the same run).
    private static RecordedRun ReadByDocument(string json)
    {
        var twice = json.Replace("\"schemaVersion\": 1,", "\"schemaVersion\": 1, \"runId\": \"0123456789abcdef0123456789abcdef\",", StringComparison.Ordinal);
        Assert.Null(RunRecordStream.TryRead(Encoding.UTF8.GetBytes(twice)));
        return RunRecordReader.Read("r", Encoding.UTF8.GetBytes(twice), out _)!;
    }

    private static string Describe(RecordedRun run) =>
        $"{run.RunId} {run.Assembly} {run.Environment} {run.Revision} {run.Machine} {run.StartedAt:O} {run.FinishedAt:O}\n"
        + string.Join('\n', run.Results.Select(r => $"{r.Test}|{r.Case}|{r.Agent}|{r.Fingerprint}|{string.Join(',', r.Criteria)}|{r.Outcome}|{r.Attempts}|{r.Listed}"));
}
