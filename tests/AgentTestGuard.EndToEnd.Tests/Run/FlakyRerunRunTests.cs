using System.Text.Json;
using AgentTestGuard.EndToEnd.Tests.Infrastructure;
using static AgentTestGuard.EndToEnd.Tests.Run.RunSources;

namespace AgentTestGuard.EndToEnd.Tests.Run;

/// <summary>
/// Early flake detection under the real `dotnet test` and the test app run directly (xunit v3): an
/// unreviewed agent test that fails on its first attempt only is run again, for real, in the same
/// run; its record keeps every attempt and calls it flaky, while gating and approved tests run once.
/// </summary>
public sealed class FlakyRerunRunTests
{
    /// <summary>
    /// Each test counts its executions in a file of the run's marker folder; the unapproved one fails
    /// on its first execution only. Reruns come from the MSBuild property, through runtimeconfig.json.
    /// </summary>
    private const string Source = """
        using Xunit;
        using AgentTestGuard;

        namespace Shop.Tests;

        public class CheckoutTests
        {
            [Fact]
            public void Human_written_total() => Count("total");

            [Fact, AgentGenerated("copilot"), AcceptanceCriteria("CART-12")]
            public void Agent_discount()
            {
                if (Count("discount") == 1)
                {
                    Assert.Fail("fails on its first attempt only");
                }
            }

            [Fact, AgentGenerated("claude-code"), AcceptanceCriteria("CART-13")]
            public void Agent_shipping() => Count("shipping");

            private static int Count(string name)
            {
                var path = Path.Combine(Environment.GetEnvironmentVariable("AGT_E2E_MARKERS")!, name);
                var count = File.Exists(path) ? int.Parse(File.ReadAllText(path)) + 1 : 1;
                File.WriteAllText(path, count.ToString());
                return count;
            }
        }
        """;

    [Fact]
    public async Task A_test_failing_only_at_first_is_rerun_in_the_same_run_and_recorded_flaky()
    {
        var project = await BuildApprovedAsync(TestFramework.XunitV3, customize: p =>
        {
            p.Write("CheckoutTests.cs", Source);
            File.WriteAllText(p.ProjectFile, File.ReadAllText(p.ProjectFile).Replace(
                "</PropertyGroup>", "  <AgentTestGuardReruns>5</AgentTestGuardReruns>\n  </PropertyGroup>", StringComparison.Ordinal));
        });

        var (results, markers, environment) = RunFixture.NewRun(project);
        var run = await project.TestAsync(results, environment);

        // Quarantined: its first attempt failed, and that never fails the run.
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(["discount=6", "shipping=1", "total=1"], Counts(markers));
        var record = RunRecord.ReadSingle(results);
        Assert.Equal(
            """{"requested":5,"budgetSeconds":120,"rounds":5,"stopped":null}""",
            JsonSerializer.Serialize(record.Root.GetProperty("reruns")));
        var discount = record.Test(Unapproved);
        Assert.Equal("failed", discount.GetProperty("outcome").GetString());
        Assert.Equal(6, discount.GetProperty("attempts").GetInt32());
        Assert.Equal(["passed", "passed", "passed", "passed", "passed"], discount.GetProperty("reruns").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()));
        Assert.All(discount.GetProperty("reruns").EnumerateArray(), r => Assert.False(r.TryGetProperty("failureMessage", out _)));
        Assert.True(discount.GetProperty("flaky").GetBoolean());
        foreach (var once in new[] { Approved, Gating })
        {
            var test = record.Test(once);
            Assert.Equal(1, test.GetProperty("attempts").GetInt32());
            Assert.False(test.TryGetProperty("reruns", out _));
            Assert.False(test.TryGetProperty("flaky", out _));
        }

        // Directly, in enforce mode: the summary names the flaky test, the listing says so beside it.
        (results, markers, environment) = RunFixture.NewRun(project);
        var enforced = await project.RunTestAppAsync(results, environment, "--agt-enforce");
        Assert.True(enforced.ExitCode == 2, enforced.Output);
        Assert.Equal(["discount=6", "shipping=1", "total=1"], Counts(markers));
        Assert.Contains($"\n    {Unapproved} (unapproved, agent copilot): flaky: passed 5 of 6 attempts", enforced.Output, StringComparison.Ordinal);
        Assert.Contains($"    {Unapproved} (agent copilot; criteria CART-12; unapproved; flaky)", enforced.Output, StringComparison.Ordinal);

        // Off with 0: the test runs once.
        (results, markers, environment) = RunFixture.NewRun(project);
        var off = await project.TestAsync(results, environment, "--agt-reruns", "0");
        Assert.True(off.ExitCode == 0, off.Output);
        Assert.Equal(["discount=1", "shipping=1", "total=1"], Counts(markers));
        Assert.False(RunRecord.ReadSingle(results).Root.TryGetProperty("reruns", out _));
    }

    private static IEnumerable<string> Counts(string markers) =>
        Directory.GetFiles(markers).Select(f => $"{Path.GetFileName(f)}={File.ReadAllText(f)}").Order();
}
