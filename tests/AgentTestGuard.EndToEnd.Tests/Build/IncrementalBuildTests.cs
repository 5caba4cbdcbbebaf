using AgentTestGuard.EndToEnd.Tests.Infrastructure;

namespace AgentTestGuard.EndToEnd.Tests.Build;

/// <summary>The inventory runs when its inputs change, and only then; a detailed log names those inputs.</summary>
public sealed class IncrementalBuildTests
{
    private const string Skipped = "Skipping target \"AgentTestGuardInventory\" because all output files are up-to-date";
    private const string Ran = "Building target \"AgentTestGuardInventory\" completely.";

    [Fact]
    public async Task A_second_build_skips_changes_rerun_and_the_detailed_log_names_what_was_resolved()
    {
        var project = Sources.ValidProject(TestFramework.XunitV3, "Incremental.Tests");
        await AssertBuild(project, Ran);

        await AssertBuild(project, Skipped);

        Edit(Path.Combine(project.Root, "agenttestguard.criteria.json"));
        await AssertBuild(project, Ran);
        await AssertBuild(project, Skipped);

        Edit(Path.Combine(project.Root, "agenttestguard.policy.json"));
        await AssertBuild(project, Ran);

        var copy = project.WriteRootFile("other/criteria.json", Sources.Catalog);
        var output = await AssertBuild(project, Ran, $"-p:AgentTestGuardCriteriaFile={copy}", "-p:AgentTestGuardEnforce=true");
        Assert.Equal(copy, project.ReadInventory().CriteriaFile);

        // At detailed verbosity the build says what it resolved: the file found above the project,
        // the one given, none for a ledger and incident log that do not exist.
        Assert.Equal(
            [
                $"AgentTestGuard: [input] AgentTestGuardPolicyFile={Path.Combine(project.Root, "agenttestguard.policy.json")}",
                $"AgentTestGuard: [input] AgentTestGuardCriteriaFile={copy}",
                "AgentTestGuard: [input] AgentTestGuardApprovalsFile=",
                "AgentTestGuard: [input] AgentTestGuardIncidentsFile=",
                "AgentTestGuard: [input] AgentTestGuardEnforce=true",
                "AgentTestGuard: [input] ContinuousIntegrationBuild=",
                $"AgentTestGuard: [output] inventory={project.InventoryInObj}",
            ],
            output.ReplaceLineEndings("\n").Split('\n').Select(line => line.Trim()).Where(line => line.StartsWith("AgentTestGuard: [", StringComparison.Ordinal)));
    }

    // A real edit, as a user makes one. Dating the file into the future instead races the
    // build: a build that finishes before that date leaves its output older than the input,
    // and the next build runs again.
    private static void Edit(string path) => File.AppendAllText(path, "\n");

    /// <returns>The build's output.</returns>
    private static async Task<string> AssertBuild(TestProject project, string expected, params string[] arguments)
    {
        var build = await project.BuildAsync(["-v:d", .. arguments]);
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains(expected, build.Output, StringComparison.Ordinal);
        return build.Output;
    }
}
