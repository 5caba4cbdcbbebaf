using System.Text.RegularExpressions;
using AgentTestGuard.EndToEnd.Tests.Infrastructure;
using static AgentTestGuard.EndToEnd.Tests.Run.XunitRowsProject;

namespace AgentTestGuard.EndToEnd.Tests.Run;

/// <summary>
/// What a developer reads, under the real `dotnet test` of the .NET 10 SDK and running the test
/// app directly: which failures are quarantined and do not fail the run, enforce mode's listing
/// once, a rejected test as rejected, a failure's expected and actual values, and xunit v3 on the
/// platform's runner by default (<see cref="XunitRowsProject"/>).
/// </summary>
public sealed class DotnetTestConsoleRunTests
{
    [Fact]
    public async Task Under_dotnet_test_a_run_green_with_quarantined_failures_names_them_as_not_failing_it()
    {
        var project = await BuiltAsync();
        var (results, _, environment) = RunFixture.NewRun(project, ("FAIL_UNAPPROVED", "1"));

        var run = await project.TestAsync(results, environment);

        // The SDK still says "Failed!" (it counts the failures); the artifacts it lists say why the run passed.
        Assert.True(run.ExitCode == 0, run.Output);
        var folder = Path.GetFileName(RunRecord.ReadSingle(results).Path).Replace(".agentrun.json", ".quarantined-not-failing-the-run", StringComparison.Ordinal);
        var discount = Path.Combine(results, folder, $"{Discount}.txt");
        var rounding = Path.Combine(results, folder, $"{AgentRounding}.txt");
        Assert.Contains($"    - {discount}\n", run.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"    - {rounding}\n", run.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.StartsWith(
            $"AgentTestGuard: {AgentRounding} is quarantined (unapproved, agent copilot): its failures are reported and do not fail the run; no gating test failed.\n"
            + $"\n{AgentRounding}(cents: 1)\n  agent row 1 failed\n",
            await File.ReadAllTextAsync(rounding, TestContext.Current.CancellationToken),
            StringComparison.Ordinal);

        // A failing run shows the summary instead, and no notices.
        (results, _, environment) = RunFixture.NewRun(project, ("FAIL_UNAPPROVED", "1"), ("FAIL_GATING", "1"));
        var failing = await project.TestAsync(results, environment);
        Assert.True(failing.ExitCode == 2, failing.Output);
        Assert.DoesNotContain(".quarantined-not-failing-the-run", failing.Output, StringComparison.Ordinal);
        Assert.Contains("  Quarantined failures (not counted; the run fails for other reasons):", failing.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enforce_mode_lists_the_unreviewed_tests_once_and_a_rejected_one_as_rejected()
    {
        var project = await BuiltAsync();

        // Not about reruns: --agt-reruns 0 spares the 5 rerun test apps CI and enforce mode start by
        // default. That the listing stays single with them is checked in RerunRunTests.
        var (results, _, environment) = RunFixture.NewRun(project, ("CI", "true"));
        var inCi = await project.TestAsync(results, environment, "--agt-reruns", "0");

        Assert.True(inCi.ExitCode == 2, inCi.Output);
        Assert.Equal(1, Regex.Count(inCi.Output, Regex.Escape($"approve: dotnet agt approve {AgentRounding}")));
        Assert.Equal(1, Regex.Count(inCi.Output, Regex.Escape($"    {AgentRounding} (agent copilot; criteria CART-12; unapproved)")));
        Assert.Contains("  Enforce mode fails the run: see the failed result 'AgentTestGuard enforce mode'.", inCi.Output, StringComparison.Ordinal);

        // The rejected test: who rejected it and why, and no approve command.
        // dotnet test indents a failure's message by its own measure: the lines are matched as lines.
        Assert.Matches(
            string.Join(@"\n\s*", [
                Regex.Escape("1 agent test rejected:"),
                Regex.Escape($"{Rejected} (agent copilot; criteria CART-12; rejected by Dana Lee <dana@example.com> on 2026-11-24: {RejectionReason})"),
                Regex.Escape("change the test (it then awaits review again) or remove it"),
            ]),
            inCi.Output.ReplaceLineEndings("\n"));
        Assert.DoesNotContain($"approve {Rejected}", inCi.Output, StringComparison.Ordinal);

        (results, _, environment) = RunFixture.NewRun(project);
        var direct = await project.RunTestAppAsync(results, environment, "--agt-enforce", "--agt-reruns", "0");
        Assert.True(direct.ExitCode == 2, direct.Output);
        Assert.Equal(1, Regex.Count(direct.Output, Regex.Escape($"approve: dotnet agt approve {AgentRounding}")));
    }

    [Fact]
    public async Task Run_directly_the_test_app_runs_on_the_platform_and_the_summary_keeps_expected_and_actual()
    {
        // The project does not set UseMicrosoftTestingPlatformRunner: the package's default applies.
        var project = await BuiltAsync();
        var (results, _, environment) = RunFixture.NewRun(project, ("FAIL_UNAPPROVED", "1"));

        var direct = await project.RunTestAppAsync(results, environment);

        Assert.True(direct.ExitCode == 0, direct.Output);
        Assert.Contains(
            $"    {Discount} (unapproved, agent copilot): Assert.Equal() Failure: Strings differ Expected: \"total: 10.00\" Actual:   \"total: 12.50\"\n",
            direct.Output.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_that_sets_UseMicrosoftTestingPlatformRunner_false_keeps_xunits_own_runner()
    {
        var project = (await BuiltAsync()).CopyTo("own-runner");
        var build = await project.BuildAsync("-p:UseMicrosoftTestingPlatformRunner=false");
        Assert.True(build.ExitCode == 0, build.Output);

        var run = await DotNet.RunAsync(project.Directory, [project.OutputAssembly], new Dictionary<string, string?> { ["FAIL_UNAPPROVED"] = "1" });

        // xunit's own console runner: its failure exit code, and no AgentTestGuard extension.
        Assert.True(run.ExitCode == 1, run.Output);
        Assert.Contains("xUnit.net v3", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("AgentTestGuard", run.Output, StringComparison.Ordinal);
    }
}
