using AgentTestGuard.EndToEnd.Tests.Infrastructure;
using static AgentTestGuard.EndToEnd.Tests.Run.RunSources;

namespace AgentTestGuard.EndToEnd.Tests.Run;

/// <summary>
/// An extension the package does not know runs the tests in a child test host: without
/// --agt-relay the decision cannot reach the process that sets the exit code, and the child says so.
/// </summary>
public sealed class UnrelayedChildHostRunTests
{
    // A test host controller extension of the user's own: enabled in every run, it makes the
    // platform start the tests in a child process, as the TRX report does.
    private const string ChildHostExtension = """
        using Microsoft.Testing.Platform.Builder;
        using Microsoft.Testing.Platform.Extensions;
        using Microsoft.Testing.Platform.Extensions.TestHostControllers;

        namespace Shop.Tests;

        public static class ChildHostHook
        {
            public static void AddExtensions(ITestApplicationBuilder builder, string[] args) =>
                builder.TestHostControllers.AddEnvironmentVariableProvider(_ => new ChildHostVariable());
        }

        internal sealed class ChildHostVariable : ITestHostEnvironmentVariableProvider
        {
            public string Uid => "Shop.ChildHostVariable";

            public string Version => "1.0.0";

            public string DisplayName => "Child host variable";

            public string Description => "Sets a variable for the child test host.";

            public Task<bool> IsEnabledAsync() => Task.FromResult(true);

            public Task UpdateAsync(IEnvironmentVariables environmentVariables)
            {
                environmentVariables.SetVariable(new EnvironmentVariable("SHOP_CHILD_HOST", "1", isSecret: false, isLocked: false));
                return Task.CompletedTask;
            }

            public Task<ValidationResult> ValidateTestHostEnvironmentVariablesAsync(IReadOnlyEnvironmentVariables environmentVariables) =>
                ValidationResult.ValidTask;
        }
        """;

    private const string HookItem = """
          <ItemGroup>
            <TestingPlatformBuilderHook Include="3F2B7C1E-8D4A-4E6B-9C0D-5A1F2E3D4C5B">
              <DisplayName>Child host</DisplayName>
              <TypeFullName>Shop.Tests.ChildHostHook</TypeFullName>
            </TestingPlatformBuilderHook>
          </ItemGroup>
        </Project>
        """;

    [Fact]
    public async Task Without_the_relay_a_quarantined_failure_fails_the_run_and_the_child_says_why()
    {
        var project = await BuildApprovedAsync(TestFramework.XunitV3, customize: p =>
        {
            p.Write("ChildHostHook.cs", ChildHostExtension);
            File.WriteAllText(p.ProjectFile, File.ReadAllText(p.ProjectFile).Replace("</Project>", HookItem, StringComparison.Ordinal));
        });

        var (results, _, environment) = RunFixture.NewRun(project, (FailUnapproved, "1"));
        var unrelayed = await project.RunTestAppAsync(results, environment);
        Assert.True(unrelayed.ExitCode == 2, unrelayed.Output);
        Assert.Contains(
            "AgentTestGuard: an extension runs the tests in a child process that AgentTestGuard does not relay; "
            + "failures of quarantined tests will fail this run. Add --agt-relay to the test command line.",
            unrelayed.Output,
            StringComparison.Ordinal);

        (results, _, environment) = RunFixture.NewRun(project, (FailUnapproved, "1"));
        var relayed = await project.RunTestAppAsync(results, environment, "--agt-relay");
        Assert.True(relayed.ExitCode == 0, relayed.Output);
        Assert.DoesNotContain("does not relay", relayed.Output, StringComparison.Ordinal);
        Assert.Equal(("failed", "quarantined"), RunRecord.ReadSingle(results).Tests[Unapproved]);
    }
}
