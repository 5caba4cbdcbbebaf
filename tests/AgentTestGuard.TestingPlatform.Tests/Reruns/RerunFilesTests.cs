using AgentTestGuard.Approvals;
using AgentTestGuard.TestingPlatform.Results;
using AgentTestGuard.TestingPlatform.Reruns;
using AgentTestGuard.TestingPlatform.Tests.TestSupport;
using Xunit;

namespace AgentTestGuard.TestingPlatform.Tests.Reruns;

/// <summary>The files between a test run and its rerun child: the request, and the results the child writes.</summary>
public sealed class RerunFilesTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("agt-rerun-files-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void The_request_reads_back_as_written()
    {
        var path = Path.Combine(_folder.FullName, "request.json");
        new RerunRequest("/tmp/results.jsonl", ["uid-1", "Shop.Tests.CartTests.Rounding(cents: \"1\\n\")"]).Write(path);

        var read = RerunRequest.TryRead(path);

        Assert.NotNull(read);
        Assert.Equal("/tmp/results.jsonl", read.ResultsPath);
        Assert.Equal(["uid-1", "Shop.Tests.CartTests.Rounding(cents: \"1\\n\")"], read.Uids);
    }

    [Fact]
    public void A_missing_or_malformed_request_reads_as_none()
    {
        var path = Path.Combine(_folder.FullName, "request.json");
        Assert.Null(RerunRequest.TryRead(path));
        File.WriteAllText(path, "{\"uids\":[]}");
        Assert.Null(RerunRequest.TryRead(path));
    }

    [Fact]
    public void The_childs_results_read_back_with_uid_display_name_outcome_duration_and_message()
    {
        var test = Make.Test("Shop.Tests.CartTests.Discount", ApprovalState.Unapproved);
        var path = Path.Combine(_folder.FullName, "results.jsonl");
        RerunResultsFile.Write(path,
        [
            Make.Of(test, TestOutcome.Failed, "line 1\nline 2", TimeSpan.FromMilliseconds(2.5)) with { Uid = "u1", DisplayName = "Discount(x: 1)" },
            Make.Of(test, TestOutcome.Passed) with { Uid = "u2" },
        ]);

        var (results, problem) = RerunResultsFile.Read(path);

        Assert.Null(problem);
        Assert.Equal(
            [
                new RerunResult("u1", test.Id, "Discount(x: 1)", TestOutcome.Failed, TimeSpan.FromMilliseconds(2.5), "line 1\nline 2"),
                new RerunResult("u2", test.Id, test.Id, TestOutcome.Passed, null, null),
            ],
            results);
    }

    [Fact]
    public void Results_the_child_never_wrote_are_a_problem()
    {
        var (results, problem) = RerunResultsFile.Read(Path.Combine(_folder.FullName, "results.jsonl"));

        Assert.Null(results);
        Assert.StartsWith("the test app wrote no results (", problem, StringComparison.Ordinal);
    }
}
