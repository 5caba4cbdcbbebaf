using AgentTestGuard.EndToEnd.Tests.Infrastructure;
using static AgentTestGuard.EndToEnd.Tests.Run.RunSources;

namespace AgentTestGuard.EndToEnd.Tests.Run;

/// <summary>
/// An approval binds a test's content: once the test is edited, it is quarantined again. A ledger
/// that cannot be read stops `dotnet test` at the build, naming the position.
/// </summary>
public sealed class StaleApprovalRunTests
{
    [Theory]
    [InlineData(TestFramework.XunitV3)]
    [InlineData(TestFramework.MSTest)]
    [InlineData(TestFramework.NUnit)]
    [InlineData(TestFramework.TUnit)]
    public async Task An_approved_test_edited_afterwards_is_quarantined_again_and_a_broken_ledger_stops_the_build(TestFramework framework)
    {
        var project = await BuildApprovedAsync(framework);
        project.Write("CheckoutTests.cs", RunSources.Tests(framework, shippingBody: "Check(\"FAIL_APPROVED\", \"shipping-edited\");"));
        var rebuilt = await project.BuildAsync();
        Assert.True(rebuilt.ExitCode == 0, rebuilt.Output);

        var (results, _, environment) = RunFixture.NewRun(project, (FailApproved, "1"));
        var run = await project.TestAsync(results, environment);

        Assert.True(run.ExitCode == 0, run.Output);
        var shipping = RunRecord.ReadSingle(results).Test(Approved);
        Assert.Equal(FailedOutcome(framework), shipping.GetProperty("outcome").GetString());
        Assert.Equal("quarantined", shipping.GetProperty("classification").GetString());
        Assert.Equal("stale", shipping.GetProperty("approval").GetString());

        // A merge gone wrong leaves half a line: dotnet test (building first) stops with its position.
        var ledger = Path.Combine(project.Root, "agenttestguard.approvals.jsonl");
        File.AppendAllText(ledger, "{ \"assembly\": \"Shop.Tests\", \"test\": \n");
        (results, _, environment) = RunFixture.NewRun(project);
        var broken = await DotNet.RunAsync(project.Directory, ["test", "--project", project.ProjectFile, "--results-directory", results], environment);

        Assert.True(broken.ExitCode == 1, broken.Output);
        Assert.True(broken.Output.Contains($"{ledger}(3,37): error AGT0013: ", StringComparison.Ordinal), broken.Output);
        Assert.Empty(Directory.GetFiles(results, "*.agentrun.json"));
    }
}
