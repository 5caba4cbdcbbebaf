using System.Text.Json.Nodes;
using AgentTestGuard.EndToEnd.Tests.Infrastructure;
using AgentTestGuard.EndToEnd.Tests.Run;
using AgentTestGuard.Tests.Shared;
using static AgentTestGuard.EndToEnd.Tests.Run.RunSources;
using static AgentTestGuard.EndToEnd.Tests.Tool.ToolTests;

namespace AgentTestGuard.EndToEnd.Tests.Tool;

/// <summary>
/// `dotnet agt verify --records` after a real `dotnet test` in CI: what the run actually used is
/// checked, not only the files (issue 30, attacks 1 and 2). Each run passes: that is the attack.
/// </summary>
public sealed class VerifyRecordTests(VerifyFixture fixture) : IClassFixture<VerifyFixture>
{
    [Fact]
    public async Task A_run_that_found_no_inventory_next_to_the_test_assembly_is_offending()
    {
        var project = await BuiltCopyAsync("records-deleted");
        File.Delete(project.InventoryInOutput);

        var (results, record) = await RunInCiAsync(project);

        var verdict = await AgtAsync(project, "verify", "--records", results);
        Assert.True(verdict.ExitCode == 1, verdict.Output);
        Assert.Contains(
            $"offending  {record}: the run found no agent test inventory next to the test assembly, so it treated every agent test as gating and recorded none\n",
            verdict.Output.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
        Assert.Contains("error: 1 finding(s) in the run records: the test run did not use the gate as verified.", verdict.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_whose_inventory_was_rewritten_to_approve_a_test_is_offending()
    {
        var project = await BuiltCopyAsync("records-rewritten");
        var inventory = JsonNode.Parse(File.ReadAllText(project.InventoryInOutput))!;
        var test = inventory["tests"]!.AsArray().Single(t => (string?)t!["id"] == Unapproved)!;
        test["approval"] = new JsonObject { ["state"] = "approved", ["approver"] = GitRepository.Human, ["at"] = "2026-11-25T10:00:00+00:00", ["approvedFingerprint"] = fixture.UnapprovedFingerprint };
        File.WriteAllText(project.InventoryInOutput, inventory.ToJsonString());

        var (results, record) = await RunInCiAsync(project);
        Assert.Equal("approved", RunRecord.ReadSingle(results).Test(Unapproved).GetProperty("classification").GetString());

        var verdict = await AgtAsync(project, "verify", "--records", results);
        Assert.True(verdict.ExitCode == 1, verdict.Output);
        Assert.Contains(
            $"offending  {record}: the run treated {Unapproved} as approved, but no verified approval in the ledger approves its fingerprint {fixture.UnapprovedFingerprint}\n",
            verdict.Output.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_with_enforce_off_and_failed_tests_ignored_is_offending_and_one_as_ci_runs_it_passes()
    {
        var project = await BuiltCopyAsync("records-enforce");

        var (results, record) = await RunInCiAsync(project, [("TESTINGPLATFORM_EXITCODE_IGNORE", "2")], "--agt-enforce", "false");

        var verdict = await AgtAsync(project, "verify", "--records", results);
        Assert.True(verdict.ExitCode == 1, verdict.Output);
        var output = verdict.Output.ReplaceLineEndings("\n");
        Assert.Contains($"offending  {record}: the run had enforce mode off (AgentTestGuardEnforce=false or --agt-enforce false), so unreviewed agent tests could not fail it\n", output, StringComparison.Ordinal);
        Assert.Contains($"offending  {record}: the run was told to ignore exit code 2 (--ignore-exit-code or TESTINGPLATFORM_EXITCODE_IGNORE), so failing tests could not fail it\n", output, StringComparison.Ordinal);

        // The same tests, run as CI runs them: enforce mode fails the run for the unreviewed test,
        // and the record has nothing verify objects to.
        var (ciResults, _) = await RunInCiAsync(project, []);
        var clean = await AgtAsync(project, "verify", "--records", ciResults);
        Assert.True(clean.ExitCode == 0, clean.Output);
    }

    private async Task<TestProject> BuiltCopyAsync(string name)
    {
        var (project, _) = fixture.NewRepository(name);
        var build = await project.BuildAsync();
        Assert.True(build.ExitCode == 0, build.Output);
        return project;
    }

    /// <returns>The results folder and the run record in it.</returns>
    private static async Task<(string Results, string Record)> RunInCiAsync(TestProject project, (string, string)[]? variables = null, params string[] arguments)
    {
        var (results, _, environment) = RunFixture.NewRun(project, [("CI", "true"), .. variables ?? []]);
        await project.TestAsync(results, environment, arguments);
        return (results, RunRecord.ReadSingle(results).Path);
    }
}
