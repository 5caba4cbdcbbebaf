using AgentTestGuard.EndToEnd.Tests.Infrastructure;

namespace AgentTestGuard.EndToEnd.Tests.Run;

/// <summary>
/// Where the policy keeps unreviewed agent tests from executing, the extension hands the platform
/// the ids of the tests that may run. A framework may take a test named by id as asked for, and
/// run it even when it is explicit (xunit's <c>Explicit = true</c>): a staging run would then
/// execute tests that no run executes unless asked to. xunit v3 does not: it still skips them.
/// </summary>
public sealed class ExplicitTestRunTests
{
    private const string Explicit = "Shop.Tests.ExplicitTests.Only_when_asked";

    [Fact]
    public async Task An_explicit_test_does_not_run_where_unreviewed_tests_are_kept_from_running()
    {
        var project = await RunSources.BuildApprovedAsync(TestFramework.XunitV3, customize: p => p.Write("ExplicitTests.cs", """
            using Xunit;

            namespace Shop.Tests;

            public class ExplicitTests
            {
                [Fact(Explicit = true)]
                public void Only_when_asked() =>
                    File.WriteAllText(Path.Combine(Environment.GetEnvironmentVariable("AGT_E2E_MARKERS")!, "explicit"), "ran");
            }
            """));

        // Locally every test but the explicit one runs; xunit reports that one as skipped.
        var (results, markers, environment) = RunFixture.NewRun(project);
        var local = await project.TestAsync(results, environment);
        Assert.True(local.ExitCode == 0, local.Output);
        Assert.Equal(["discount", "shipping", "total"], Directory.GetFileSystemEntries(markers).Select(Path.GetFileName).Order());
        Assert.Equal(("skipped", "gating"), RunRecord.ReadSingle(results).Tests[Explicit]);

        // A staging smoke run: the quarantined test does not run, and neither does the explicit one.
        (results, markers, environment) = RunFixture.NewRun(project, ("AGENTTESTGUARD_ENVIRONMENT", "staging"));
        var staging = await project.TestAsync(results, environment);
        Assert.True(staging.ExitCode == 0, staging.Output);
        Assert.Equal(["shipping", "total"], Directory.GetFileSystemEntries(markers).Select(Path.GetFileName).Order());
        Assert.Equal(
            new Dictionary<string, (string, string)>
            {
                [RunSources.Unapproved] = ("notRun", "quarantined"),
                [RunSources.Approved] = ("passed", "approved"),
                [RunSources.Gating] = ("passed", "gating"),
                [Explicit] = ("skipped", "gating"),
            },
            RunRecord.ReadSingle(results).Tests);
    }
}
