using AgentTestGuard.EndToEnd.Tests.Infrastructure;
using AgentTestGuard.EndToEnd.Tests.Run;
using static AgentTestGuard.EndToEnd.Tests.Run.RunSources;

namespace AgentTestGuard.EndToEnd.Tests.Tool;

/// <summary>
/// `dotnet agt report`, installed from the run's feed, after a real `dotnet test` in CI that enforce
/// mode failed: what GitHub Actions is told and what its job summary gets.
/// </summary>
public sealed class ReportToolTests
{
    [Fact]
    public async Task After_an_enforced_run_the_report_annotates_the_unreviewed_failing_test_and_writes_the_job_summary()
    {
        var project = await BuildApprovedAsync(TestFramework.XunitV3);
        project.InitGit();
        await ToolTests.InstallToolAsync(project);
        var (results, _, environment) = RunFixture.NewRun(project, ("CI", "true"), (FailUnapproved, "1"));
        // Not about reruns: --agt-reruns 0 spares the 5 rerun test apps CI starts by default.
        var run = await project.TestAsync(results, environment, "--agt-reruns", "0");
        Assert.True(run.ExitCode == 2, run.Output);

        var summary = Path.Combine(project.Root, "step-summary.md");
        var markdown = Path.Combine(project.Root, "report.md");
        var report = await DotNet.RunAsync(project.Root, ["agt", "report", "--markdown", markdown, "--runs", results], new Dictionary<string, string?>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_STEP_SUMMARY"] = summary,
            ["NO_COLOR"] = "1",
            ["GIT_CONFIG_GLOBAL"] = "/dev/null",
            ["GIT_CONFIG_NOSYSTEM"] = "1",
        });

        Assert.True(report.ExitCode == 0, report.Output);
        var line = SourceLine(project, "public void Agent_discount()");
        var lines = report.Output.ReplaceLineEndings("\n").Split('\n');
        var where = $"file=Shop.Tests/CheckoutTests.cs,line={line}";
        Assert.Contains(
            $"::error {where},title=Unreviewed agent test::{Unapproved} (agent copilot) is unapproved, and enforce mode failed the run while agent tests are unreviewed. After review: dotnet agt approve {Unapproved}",
            lines);
        var warning = Assert.Single(lines, l => l.StartsWith("::warning ", StringComparison.Ordinal));
        Assert.StartsWith($"::warning {where},title=Quarantined agent test failed::{Unapproved} (agent copilot, unapproved) failed: ", warning, StringComparison.Ordinal);
        Assert.Contains("FAIL_UNAPPROVED is set", warning, StringComparison.Ordinal);
        // The approved test passed and is not annotated; the terminal summary lists the quarantined one.
        Assert.Equal(1, lines.Count(l => l.StartsWith("::error ", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith($"unapproved  {Unapproved}  copilot  CART-12 ", StringComparison.Ordinal));

        var text = File.ReadAllText(markdown);
        Assert.Contains("> **Enforce mode failed the run**: 1 agent test is not reviewed.", text, StringComparison.Ordinal);
        Assert.Contains("| Shop.Tests.CheckoutTests.Agent\\_discount | copilot | CART-12 | not reviewed yet | ", text, StringComparison.Ordinal);
        Assert.Contains("### Quarantined failures (1)", text, StringComparison.Ordinal);
        Assert.Contains($"```sh\ndotnet agt approve {Unapproved}\n```", text, StringComparison.Ordinal);
        Assert.Equal(text + "\n", File.ReadAllText(summary));
    }

    private static int SourceLine(TestProject project, string text) =>
        Array.FindIndex(File.ReadAllLines(Path.Combine(project.Directory, "CheckoutTests.cs")), l => l.Contains(text, StringComparison.Ordinal)) + 1;
}
