using AgentTestGuard.EndToEnd.Tests.Infrastructure;
using AgentTestGuard.EndToEnd.Tests.Run;
using static AgentTestGuard.EndToEnd.Tests.Run.RunSources;

namespace AgentTestGuard.EndToEnd.Tests.Tool;

/// <summary>
/// approve looks at the evidence real `dotnet test` runs left: a test that failed is refused (exit
/// code 5) and nothing is written; once it is fixed and passes, it is approved with its evidence.
/// </summary>
public sealed class ApproveEvidenceToolTests
{
    [Fact]
    public async Task A_failing_agent_test_is_refused_until_it_is_fixed_and_passes()
    {
        var project = await BuildApprovedAsync(TestFramework.XunitV3);
        project.InitGit();
        await ToolTests.InstallToolAsync(project);
        var ledger = Path.Combine(project.Root, "agenttestguard.approvals.jsonl");
        var before = File.ReadAllText(ledger);
        var runs = Path.Combine(project.Root, "runs");

        // The agent's test fails (quarantined: the run passes), so it has no passing run.
        var (failing, _, failingEnvironment) = RunFixture.NewRun(project, (FailUnapproved, "1"));
        var failed = await DotNet.RunAsync(project.Directory, ["test", "--project", project.ProjectFile, "--results-directory", failing], failingEnvironment);
        Assert.True(failed.ExitCode == 0, failed.Output);
        var refused = await ToolTests.AgtAsync(project, "approve", Unapproved, "--runs", runs);
        Assert.True(refused.ExitCode == 5, refused.Output);
        Assert.Contains(
            $"error: refused: {Unapproved}: no passing run at its current fingerprint (1 run, 1 attempt: 0 passed, 1 failed).",
            refused.Output,
            StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(ledger));

        // Fixed (a new version of the test, so a new fingerprint) and run again: it passed there, so it is approved.
        project.Write("CheckoutTests.cs", RunSources.Tests(TestFramework.XunitV3).Replace("\"FAIL_UNAPPROVED\", \"discount\"", "\"FAIL_UNAPPROVED_FIXED\", \"discount\"", StringComparison.Ordinal));
        var (passing, _, passingEnvironment) = RunFixture.NewRun(project, (FailUnapproved, "1"));
        var passed = await DotNet.RunAsync(project.Directory, ["test", "--project", project.ProjectFile, "--results-directory", passing], passingEnvironment);
        Assert.True(passed.ExitCode == 0, passed.Output);
        var approved = await ToolTests.AgtAsync(project, "approve", Unapproved, "--runs", runs);
        Assert.True(approved.ExitCode == 0, approved.Output);
        Assert.Contains($"approved  {Unapproved}  (was quarantined; fingerprint ", approved.Output, StringComparison.Ordinal);
        Assert.Contains("runs      1 run, 1 attempt: 1 passed, 0 failed; not flaky, never rerun", approved.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("despite", File.ReadAllText(ledger), StringComparison.Ordinal);
        Assert.Contains($"\"test\":\"{Unapproved}\"", File.ReadAllText(ledger), StringComparison.Ordinal);
    }
}
