using System.Text.RegularExpressions;
using AgentTestGuard.EndToEnd.Tests.Infrastructure;
using static AgentTestGuard.EndToEnd.Tests.Run.RunSources;

namespace AgentTestGuard.EndToEnd.Tests.Run;

/// <summary>
/// The run-time extension under the real `dotnet test` and the test app run directly, for xunit v3
/// and MSTest, and for NUnit (its platform runner) and TUnit in the core cases: a
/// quarantined failure never fails the run, a gating one always does, enforce mode fails CI while
/// agent tests are unreviewed, and every run leaves a record.
/// </summary>
public sealed class QuarantineRunTests(RunFixture fixture) : IClassFixture<RunFixture>
{
    [Theory]
    [InlineData(TestFramework.XunitV3)]
    [InlineData(TestFramework.MSTest)]
    [InlineData(TestFramework.NUnit)]
    [InlineData(TestFramework.TUnit)]
    public async Task Only_a_quarantined_failure_leaves_the_run_green_and_the_summary_names_it(TestFramework framework)
    {
        var project = await fixture.ProjectAsync(framework);

        var (results, markers, environment) = RunFixture.NewRun(project, (FailUnapproved, "1"));
        var viaDotnetTest = await project.TestAsync(results, environment);
        Assert.True(viaDotnetTest.ExitCode == 0, viaDotnetTest.Output);
        var record = RunRecord.ReadSingle(results);
        Assert.Equal(
            new Dictionary<string, (string, string)>
            {
                [Unapproved] = (FailedOutcome(framework), "quarantined"),
                [Approved] = ("passed", "approved"),
                [Gating] = ("passed", "gating"),
            },
            record.Tests);
        Assert.Equal((0, 1, true, false), Verdict(record));
        Assert.Contains("FAIL_UNAPPROVED is set", record.Test(Unapproved).GetProperty("failureMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal(["discount", "shipping", "total"], Directory.GetFileSystemEntries(markers).Select(Path.GetFileName).Order());

        (results, _, environment) = RunFixture.NewRun(project, (FailUnapproved, "1"));
        var direct = await project.RunTestAppAsync(results, environment);
        Assert.True(direct.ExitCode == 0, direct.Output);
        Assert.Contains("AgentTestGuard: 2 agent tests ran: 1 approved, 1 quarantined; 1 quarantined failure; 0 stale approvals.", direct.Output, StringComparison.Ordinal);
        Assert.Matches($@"\n    {Regex.Escape(Unapproved)} \(unapproved, agent copilot\): .*FAIL_UNAPPROVED is set", direct.Output);
    }

    [Theory]
    [InlineData(TestFramework.XunitV3, FailGating, null)]
    [InlineData(TestFramework.XunitV3, FailApproved, null)]
    [InlineData(TestFramework.XunitV3, FailGating, FailUnapproved)]
    [InlineData(TestFramework.MSTest, FailGating, null)]
    [InlineData(TestFramework.MSTest, FailApproved, null)]
    [InlineData(TestFramework.MSTest, FailGating, FailUnapproved)]
    [InlineData(TestFramework.NUnit, FailGating, FailUnapproved)]
    [InlineData(TestFramework.TUnit, FailGating, FailUnapproved)]
    public async Task A_gating_or_approved_failure_fails_the_run_as_without_the_package(TestFramework framework, string fail, string? alsoFail)
    {
        var project = await fixture.ProjectAsync(framework);
        (string, string)[] failing = alsoFail is null ? [(fail, "1")] : [(fail, "1"), (alsoFail, "1")];
        var (results, _, environment) = RunFixture.NewRun(project, failing);

        var run = await project.TestAsync(results, environment);

        Assert.True(run.ExitCode == 2, run.Output);
        var record = RunRecord.ReadSingle(results);
        Assert.Equal((1, alsoFail is null ? 0 : 1, false, false), Verdict(record));
        // dotnet test shows a failing app's standard error, where the summary explains the run.
        Assert.Contains("AgentTestGuard: 2 agent tests ran", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestFramework.XunitV3)]
    [InlineData(TestFramework.MSTest)]
    [InlineData(TestFramework.NUnit)]
    [InlineData(TestFramework.TUnit)]
    public async Task Enforce_mode_runs_every_test_then_fails_listing_the_unreviewed_ones(TestFramework framework)
    {
        var project = await fixture.ProjectAsync(framework);

        // In CI (CI=true) enforce mode is on by default. Reruns are not what this test is about
        // (RerunRunTests checks them in enforce mode): --agt-reruns 0 spares the 5 rerun test apps
        // that CI and enforce mode start by default, in each of the three runs.
        var (results, markers, environment) = RunFixture.NewRun(project, ("CI", "true"));
        var inCi = await project.TestAsync(results, environment, "--agt-reruns", "0");
        Assert.True(inCi.ExitCode == 2, inCi.Output);
        var record = RunRecord.ReadSingle(results);
        Assert.True(record.Root.GetProperty("enforce").GetBoolean());
        Assert.Equal("ci", record.Root.GetProperty("environment").GetString());
        Assert.Equal((0, 0, false, true), Verdict(record));
        Assert.Equal(["passed"], record.Tests.Values.Select(t => t.Outcome).Distinct());
        Assert.Equal(["discount", "shipping", "total"], Directory.GetFileSystemEntries(markers).Select(Path.GetFileName).Order());
        Assert.Contains($"    {Unapproved} (agent copilot; criteria CART-12; unapproved)", inCi.Output, StringComparison.Ordinal);
        Assert.Contains($"      approve: dotnet agt approve {Unapproved}", inCi.Output, StringComparison.Ordinal);
        Assert.DoesNotContain($"{Approved} (agent", inCi.Output, StringComparison.Ordinal);

        // The option turns it on locally, and off in CI.
        (results, _, environment) = RunFixture.NewRun(project);
        var local = await project.RunTestAppAsync(results, environment, "--agt-enforce", "--agt-reruns", "0");
        Assert.True(local.ExitCode == 2, local.Output);

        (results, _, environment) = RunFixture.NewRun(project, ("CI", "true"));
        var optedOut = await project.RunTestAppAsync(results, environment, "--agt-enforce", "false", "--agt-reruns", "0");
        Assert.True(optedOut.ExitCode == 0, optedOut.Output);
    }

    [Theory]
    [InlineData(TestFramework.XunitV3)]
    [InlineData(TestFramework.MSTest)]
    [InlineData(TestFramework.NUnit)]
    [InlineData(TestFramework.TUnit)]
    public async Task Where_the_policy_does_not_allow_them_unreviewed_tests_do_not_execute(TestFramework framework)
    {
        var project = await fixture.ProjectAsync(framework);

        // The policy allows the defaults, local and ci; this is a staging smoke run.
        var (results, markers, environment) = RunFixture.NewRun(project, ("AGENTTESTGUARD_ENVIRONMENT", "staging"), (FailUnapproved, "1"));
        var run = await project.TestAsync(results, environment);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(["shipping", "total"], Directory.GetFileSystemEntries(markers).Select(Path.GetFileName).Order());
        var record = RunRecord.ReadSingle(results);
        Assert.Equal("staging", record.Root.GetProperty("environment").GetString());
        Assert.False(record.Root.GetProperty("environmentAllowsUnreviewedTests").GetBoolean());
        Assert.Equal(
            new Dictionary<string, (string, string)>
            {
                [Unapproved] = ("notRun", "quarantined"),
                [Approved] = ("passed", "approved"),
                [Gating] = ("passed", "gating"),
            },
            record.Tests);

        // Run directly, the option names the environment, and the summary says what did not run.
        (results, markers, _) = RunFixture.NewRun(project);
        var direct = await project.RunTestAppAsync(results, new Dictionary<string, string?> { [MarkerDirectory] = markers }, "--agt-environment", "staging");
        Assert.True(direct.ExitCode == 0, direct.Output);
        Assert.Contains($"Not run in environment 'staging', where the policy does not allow unreviewed agent tests: 1 quarantined test.\n    {Unapproved}", direct.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(["shipping", "total"], Directory.GetFileSystemEntries(markers).Select(Path.GetFileName).Order());
    }

    [Theory]
    [InlineData(TestFramework.XunitV3)]
    [InlineData(TestFramework.MSTest)]
    public async Task The_platforms_TRX_report_still_lists_every_test(TestFramework framework)
    {
        var project = await fixture.ProjectAsync(framework);

        var (results, _, environment) = RunFixture.NewRun(project, (FailUnapproved, "1"));
        var quarantined = await project.RunTestAppAsync(results, environment, "--report-trx");
        Assert.True(quarantined.ExitCode == 0, quarantined.Output);
        Assert.Equal(["Failed", "Passed", "Passed"], TrxOutcomes(results));

        // The tests ran in a child test host, which knows it is one, and which the relay serves.
        Assert.DoesNotContain("does not relay", quarantined.Output, StringComparison.Ordinal);

        (results, _, environment) = RunFixture.NewRun(project, (FailGating, "1"), (FailUnapproved, "1"));
        var gating = await project.TestAsync(results, environment, "--report-trx");
        Assert.True(gating.ExitCode == 2, gating.Output);
        Assert.Equal(["Failed", "Failed", "Passed"], TrxOutcomes(results));

        // The option in a response file: the extension decides whether it may need the relay before
        // the platform reads the file.
        (results, _, environment) = RunFixture.NewRun(project, (FailUnapproved, "1"));
        var responseFile = Path.Combine(Path.GetDirectoryName(results)!, "trx.rsp");
        await File.WriteAllTextAsync(responseFile, "--report-trx\n", TestContext.Current.CancellationToken);
        var fromFile = await project.RunTestAppAsync(results, environment, "@" + responseFile);
        Assert.True(fromFile.ExitCode == 0, fromFile.Output);
        Assert.Equal(["Failed", "Passed", "Passed"], TrxOutcomes(results));
    }

    [Theory]
    [InlineData(TestFramework.XunitV3)]
    [InlineData(TestFramework.MSTest)]
    public async Task Without_an_inventory_every_test_gates_and_a_warning_says_why(TestFramework framework)
    {
        var project = await fixture.ProjectAsync(framework);
        var inventory = Path.ChangeExtension(project.OutputAssembly, null) + ".agenttests.json";
        var aside = inventory + ".aside";
        File.Move(inventory, aside);
        try
        {
            var (results, _, environment) = RunFixture.NewRun(project, (FailUnapproved, "1"));
            var run = await project.RunTestAppAsync(results, environment);
            Assert.True(run.ExitCode == 2, run.Output);
            Assert.Contains($"AgentTestGuard: every test gates in this run: no agent test inventory at {inventory}", run.Output, StringComparison.Ordinal);
            Assert.Equal(("failed", "gating"), RunRecord.ReadSingle(results).Tests[Unapproved]);
        }
        finally
        {
            File.Move(aside, inventory);
        }
    }

    private static (int Gating, int Quarantined, bool Ignored, bool Enforced) Verdict(RunRecord record) =>
        (record.Verdict.GetProperty("gatingFailures").GetInt32(),
         record.Verdict.GetProperty("quarantinedFailures").GetInt32(),
         record.Verdict.GetProperty("quarantinedFailuresIgnored").GetBoolean(),
         record.Verdict.GetProperty("enforceFailed").GetBoolean());

    private static string[] TrxOutcomes(string resultsDirectory)
    {
        var trx = Assert.Single(Directory.GetFiles(resultsDirectory, "*.trx", SearchOption.AllDirectories));
        var document = System.Xml.Linq.XDocument.Load(trx);
        return document.Descendants().Where(e => e.Name.LocalName == "UnitTestResult")
            .Select(e => e.Attribute("outcome")!.Value).Order().ToArray();
    }
}
