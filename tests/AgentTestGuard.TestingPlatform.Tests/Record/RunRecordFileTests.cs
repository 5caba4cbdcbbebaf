using System.Text.Json;
using System.Text.RegularExpressions;
using AgentTestGuard.TestingPlatform.Classification;
using AgentTestGuard.TestingPlatform.Record;
using AgentTestGuard.TestingPlatform.Results;
using AgentTestGuard.TestingPlatform.Tests.TestSupport;
using Xunit;
using TestResult = AgentTestGuard.TestingPlatform.Results.TestResult;

namespace AgentTestGuard.TestingPlatform.Tests.Record;

/// <summary>The run record as a file: its name, its lines, and how it replaces what was there.</summary>
public sealed class RunRecordFileTests
{
    private static readonly RunContext Context = new(
        "5d41402abc4b2a76b9719d911017c592", "ci", EnvironmentAllowsUnreviewedTests: false, Enforce: true, "build-01", new CodeRevision("0a1b2c3d", "GITHUB_SHA"),
        Make.Noon, Make.Noon.AddSeconds(1.5), Cancelled: false);

    [Fact]
    public void A_large_record_has_every_test_on_its_own_line_in_order()
    {
        var record = Record(10_007, out var results);

        var lines = RunRecordFile.Serialize(record).Split('\n');

        var testLines = lines.SkipWhile(l => l != "  \"tests\": [").Skip(1).TakeWhile(l => l != "  ]").ToList();
        Assert.Equal(
            results.Select(r => r.Id),
            testLines.Select(l => JsonDocument.Parse(l.TrimEnd(',')).RootElement.GetProperty("id").GetString()));
        Assert.All(testLines.SkipLast(1), l => Assert.StartsWith("    {\"id\":", l, StringComparison.Ordinal));
        Assert.All(testLines.SkipLast(1), l => Assert.EndsWith("},", l, StringComparison.Ordinal));
        Assert.Equal(
            "    {\"id\":\"Shop.Tests.T00097.Works\",\"outcome\":\"failed\",\"failureMessage\":\"line 1\\nline \\u002297\\u0022\",\"attempts\":1,\"classification\":\"gating\"},",
            testLines[97]);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(10_007)]
    public void Write_replaces_the_file_with_the_serialized_record(int tests)
    {
        var directory = Directory.CreateTempSubdirectory("agt-run-").FullName;
        try
        {
            // A large record reaches the file in several pieces.
            var record = Record(tests, out _);
            var path = Path.Combine(directory, RunRecordFile.FileName(record.Assembly, record.StartedAt));
            File.WriteAllText(path, "older");

            RunRecordFile.Write(path, record);

            Assert.Equal(RunRecordFile.Serialize(record), File.ReadAllText(path));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void File_names_start_with_the_assembly_sort_by_time_and_do_not_collide()
    {
        var startedAt = new DateTimeOffset(2026, 11, 24, 13, 4, 5, TimeSpan.FromHours(1));

        var first = RunRecordFile.FileName("Shop.Tests", startedAt);
        var second = RunRecordFile.FileName("Shop.Tests", startedAt);

        Assert.Matches(new Regex(@"^Shop\.Tests\.20261124T120405Z\.[0-9a-f]{8}\.agentrun\.json$"), first);
        Assert.NotEqual(first, second);
    }

    /// <summary>Gating tests; every 97th fails. 10,007 is well over the size the writer hands to the file at once.</summary>
    private static RunRecordDocument Record(int tests, out List<TestResult> results)
    {
        results = Enumerable.Range(0, tests)
            .Select(i => Make.Gating($"Shop.Tests.T{i:D5}.Works", i % 97 == 0 ? TestOutcome.Failed : TestOutcome.Passed, i % 97 == 0 ? $"line 1\nline \"{i}\"" : null))
            .ToList();
        var verdict = RunVerdict.Decide(results, [], 0, enforce: false, ownerNamed: false, cancelled: false);
        return RunRecordBuilder.Build("Shop.Tests", "/repo/bin/Shop.Tests.agenttests.json", new TestClassifier(null), results, [], verdict, Context);
    }
}
