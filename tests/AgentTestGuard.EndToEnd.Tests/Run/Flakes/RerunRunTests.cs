using System.Text.RegularExpressions;
using AgentTestGuard.EndToEnd.Tests.Infrastructure;
using static AgentTestGuard.EndToEnd.Tests.Run.Flakes.FlakyProject;
using static AgentTestGuard.EndToEnd.Tests.Run.RunSources;

namespace AgentTestGuard.EndToEnd.Tests.Run.Flakes;

/// <summary>
/// Early flake detection under the real `dotnet test` and the test app run directly: unapproved
/// agent tests run again in new test hosts and a flaky one is marked so in the record, the summary
/// and enforce mode's listing; approved and gating tests run once, whatever is asked; no rerun
/// with <c>--agt-reruns 0</c>, nor locally by default.
/// </summary>
public sealed class RerunRunTests
{
    [Theory]
    [InlineData(TestFramework.XunitV3)]
    [InlineData(TestFramework.MSTest)]
    [InlineData(TestFramework.NUnit)]
    [InlineData(TestFramework.TUnit)]
    public async Task An_unapproved_flaky_test_is_rerun_and_marked_flaky_and_approved_and_gating_tests_run_once(TestFramework framework)
    {
        var project = await BuiltAsync(framework);

        var (results, markers, environment) = RunFixture.NewRun(project);
        var viaDotnetTest = await project.TestAsync(results, environment, "--agt-reruns", "3");
        Assert.True(viaDotnetTest.ExitCode == 0, viaDotnetTest.Output);
        AssertRerun(framework, RunRecord.ReadSingle(results), markers, reruns: 3, budget: 120);

        (results, markers, environment) = RunFixture.NewRun(project);
        var direct = await project.RunTestAppAsync(results, environment, "--agt-reruns", "3", "--agt-rerun-budget", "600");
        Assert.True(direct.ExitCode == 0, direct.Output);
        AssertRerun(framework, RunRecord.ReadSingle(results), markers, reruns: 3, budget: 600);
        Assert.Contains(
            $"\n  Flaky (passed and failed when run again in this run; quarantined, not failing the run):\n    {Flaky} (unapproved, agent copilot): flaky: passed 2 of 4 attempts\n",
            direct.Output.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestFramework.XunitV3)]
    [InlineData(TestFramework.MSTest)]
    public async Task In_CI_enforce_mode_reruns_5_times_by_default_and_lists_the_flaky_test_as_flaky(TestFramework framework)
    {
        var project = await BuiltAsync(framework);

        var (results, markers, environment) = RunFixture.NewRun(project, ("CI", "true"));
        var inCi = await project.TestAsync(results, environment);

        Assert.True(inCi.ExitCode == 2, inCi.Output);
        AssertRerun(framework, RunRecord.ReadSingle(results), markers, reruns: 5, budget: 120);
        Assert.Contains($"    {Flaky} (agent copilot; criteria CART-12; unapproved; flaky)", inCi.Output, StringComparison.Ordinal);
        Assert.Contains($"    {Unapproved} (agent copilot; criteria CART-12; unapproved)", inCi.Output, StringComparison.Ordinal);

        // The rerun test apps list nothing: under dotnet test each unreviewed test is listed once
        // (the enforce tests of QuarantineRunTests and DotnetTestConsoleRunTests run without reruns).
        Assert.Equal(1, Regex.Count(inCi.Output, Regex.Escape($"approve: dotnet agt approve {Flaky}")));
        Assert.Equal(1, Regex.Count(inCi.Output, Regex.Escape($"approve: dotnet agt approve {Unapproved}")));
    }

    [Theory]
    [InlineData(TestFramework.XunitV3)]
    [InlineData(TestFramework.MSTest)]
    public async Task Nothing_is_rerun_with_reruns_0_even_in_CI_nor_locally_by_default(TestFramework framework)
    {
        var project = await BuiltAsync(framework);

        var (results, markers, environment) = RunFixture.NewRun(project, ("CI", "true"));
        var inCi = await project.RunTestAppAsync(results, environment, "--agt-reruns", "0");
        Assert.True(inCi.ExitCode == 2, inCi.Output);
        AssertRanOnce(framework, RunRecord.ReadSingle(results), markers);

        (results, markers, environment) = RunFixture.NewRun(project);
        var local = await project.RunTestAppAsync(results, environment);
        Assert.True(local.ExitCode == 0, local.Output);
        AssertRanOnce(framework, RunRecord.ReadSingle(results), markers);
    }

    /// <summary>
    /// The two unapproved tests ran <paramref name="reruns"/> more times, the flaky one alternating
    /// and marked flaky; the approved and the gating test ran once. Checked in the record and by the
    /// tests' own count of their executions.
    /// </summary>
    private static void AssertRerun(TestFramework framework, RunRecord record, string markers, int reruns, int budget)
    {
        Assert.Equal((reruns, budget, reruns, (string?)null), record.Reruns);
        Assert.Equal(
            new Dictionary<string, string>
            {
                [Flaky] = string.Join(' ', FlakyOutcomes(framework, reruns + 1)),
                [Unapproved] = string.Join(' ', Enumerable.Repeat("passed", reruns + 1)),
                [Approved] = "passed",
                [Gating] = "passed",
            },
            Attempts(record));
        Assert.Equal([Flaky], record.FlakyTests());
        Assert.Contains("flaky attempt 2 failed", record.RerunFailureMessage(Flaky, 1), StringComparison.Ordinal);
        Assert.Equal(Executions(reruns + 1, reruns + 1), Executions(markers));
    }

    private static void AssertRanOnce(TestFramework framework, RunRecord record, string markers)
    {
        Assert.Null(record.Reruns);
        Assert.Equal(
            new Dictionary<string, string>
            {
                [Flaky] = RunSources.FailedOutcome(framework),
                [Unapproved] = "passed",
                [Approved] = "passed",
                [Gating] = "passed",
            },
            Attempts(record));
        Assert.Empty(record.FlakyTests());
        Assert.Equal(Executions(1, 1), Executions(markers));
    }

    private static Dictionary<string, string> Attempts(RunRecord record) =>
        record.Tests.Keys.ToDictionary(id => id, id => string.Join(' ', record.AttemptOutcomes(id)));

    /// <summary>How many times each test ran: the lines of its marker file.</summary>
    private static Dictionary<string, int> Executions(string markers) =>
        Directory.GetFiles(markers).ToDictionary(f => Path.GetFileName(f), f => File.ReadAllLines(f).Length);

    private static Dictionary<string, int> Executions(int flaky, int discount) =>
        new() { ["flaky"] = flaky, ["discount"] = discount, ["shipping"] = 1, ["total"] = 1 };
}
