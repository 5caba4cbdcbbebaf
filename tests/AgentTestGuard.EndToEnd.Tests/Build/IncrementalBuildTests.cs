using AgentTestGuard.EndToEnd.Tests.Infrastructure;

namespace AgentTestGuard.EndToEnd.Tests.Build;

/// <summary>The inventory runs when its inputs change, and only then.</summary>
public sealed class IncrementalBuildTests
{
    private const string Skipped = "Skipping target \"AgentTestGuardInventory\" because all output files are up-to-date";
    private const string Ran = "Building target \"AgentTestGuardInventory\" completely.";

    [Fact]
    public async Task A_second_build_skips_and_catalog_policy_or_property_changes_rerun()
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
        await AssertBuild(project, Ran, $"-p:AgentTestGuardCriteriaFile={copy}");
        Assert.Equal(copy, project.ReadInventory().CriteriaFile);
    }

    // A real edit, as a user makes one. Dating the file into the future instead races the
    // build: a build that finishes before that date leaves its output older than the input,
    // and the next build runs again.
    private static void Edit(string path) => File.AppendAllText(path, "\n");

    private static async Task AssertBuild(TestProject project, string expected, params string[] arguments)
    {
        var build = await project.BuildAsync(["-v:d", .. arguments]);
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains(expected, build.Output, StringComparison.Ordinal);
    }
}
