namespace AgentTestGuard.EndToEnd.Tests.Run;

/// <summary>
/// A gating failure is never hidden behind a quarantined one: not when xunit v3 reports a theory's
/// rows under one test node (rows it did not enumerate at discovery), and not when test code sets
/// the platform's exit-code variable itself (<see cref="XunitRowsProject"/>).
/// </summary>
public sealed class HiddenFailureRunTests
{
    private const string Rounding = XunitRowsProject.Rounding;
    private const string Total = XunitRowsProject.Total;
    private const string Discount = XunitRowsProject.Discount;
    private const string AgentRounding = XunitRowsProject.AgentRounding;

    [Fact]
    public async Task A_failed_first_row_of_a_gating_theory_fails_the_run_beside_a_quarantined_failure()
    {
        var project = await XunitRowsProject.BuiltAsync();
        var (results, _, environment) = RunFixture.NewRun(project, ("FAIL_FIRST_ROW", "1"), ("FAIL_UNAPPROVED", "1"));

        var run = await project.TestAsync(results, environment);

        Assert.True(run.ExitCode == 2, run.Output);
        var record = RunRecord.ReadSingle(results);
        Assert.Equal(
            [
                (Discount, null, "failed", "quarantined"),
                (AgentRounding, $"{AgentRounding}(cents: 1)", "failed", "quarantined"),
                (AgentRounding, $"{AgentRounding}(cents: 2)", "failed", "quarantined"),
                (AgentRounding, $"{AgentRounding}(cents: 3)", "failed", "quarantined"),
                (Rounding, $"{Rounding}(cents: 1)", "failed", "gating"),
                (Rounding, $"{Rounding}(cents: 2)", "passed", "gating"),
                (Rounding, $"{Rounding}(cents: 3)", "passed", "gating"),
                (Total, null, "passed", "gating"),
            ],
            record.Results);
        Assert.Equal(1, record.Verdict.GetProperty("gatingFailures").GetInt32());
        Assert.Equal(4, record.Verdict.GetProperty("quarantinedFailures").GetInt32());
        Assert.False(record.Verdict.GetProperty("quarantinedFailuresIgnored").GetBoolean());

        // The summary tells the tests from their results.
        Assert.Contains("AgentTestGuard: 2 agent tests ran, 4 results: 0 approved, 2 quarantined; 4 quarantined failures; 0 stale approvals.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_code_that_sets_the_exit_code_variable_does_not_hide_a_gating_failure()
    {
        var project = await XunitRowsProject.BuiltAsync();

        // In CI, with a failing human test, the unapproved agent test asks the platform to ignore exit code 2.
        // Not about reruns: --agt-reruns 0 spares the 5 rerun test apps CI starts by default.
        var (results, _, environment) = RunFixture.NewRun(project, ("TAMPER", "1"), ("FAIL_GATING", "1"), ("CI", "true"));
        var inCi = await project.TestAsync(results, environment, "--agt-reruns", "0");
        Assert.True(inCi.ExitCode == 2, inCi.Output);
        Assert.Equal(1, RunRecord.ReadSingle(results).Verdict.GetProperty("gatingFailures").GetInt32());

        // Locally, with nothing else failing, it cannot hide its own failure's verdict either way:
        // quarantined, it leaves the run green, as it would without touching the variable.
        (results, _, environment) = RunFixture.NewRun(project, ("TAMPER", "1"), ("FAIL_UNAPPROVED", "1"));
        var quarantined = await project.TestAsync(results, environment);
        Assert.True(quarantined.ExitCode == 0, quarantined.Output);

        // The user's own setting still counts: 8 (zero tests ran) stays ignored, 2 is not added for a gating failure.
        (results, _, environment) = RunFixture.NewRun(project, ("TAMPER", "1"), ("FAIL_GATING", "1"), ("TESTINGPLATFORM_EXITCODE_IGNORE", "8"));
        var userCodes = await project.RunTestAppAsync(results, environment);
        Assert.True(userCodes.ExitCode == 2, userCodes.Output);
    }
}
