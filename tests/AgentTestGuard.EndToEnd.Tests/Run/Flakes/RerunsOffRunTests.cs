using System.Text.Json.Nodes;
using AgentTestGuard.EndToEnd.Tests.Infrastructure;
using static AgentTestGuard.EndToEnd.Tests.Run.Flakes.FlakyProject;
using static AgentTestGuard.EndToEnd.Tests.Run.RunSources;

namespace AgentTestGuard.EndToEnd.Tests.Run.Flakes;

/// <summary>
/// For the frameworks <see cref="RerunRunTests"/> checks only in their rerun rounds (NUnit, TUnit):
/// enforce mode's listing says "flaky" beside the flaky test, and reruns are off with
/// <c>--agt-reruns 0</c> and with <c>AgentTestGuardReruns</c> 0 even in CI; for the others, the property's 0. The project
/// <see cref="FlakyProject"/> built is run again, never built: the property's 0 is given as the
/// build writes it, in a copy of the app's runtimeconfig.json (<c>dotnet exec --runtimeconfig</c>).
/// </summary>
public sealed class RerunsOffRunTests
{
    [Theory]
    [InlineData(TestFramework.NUnit)]
    [InlineData(TestFramework.TUnit)]
    public async Task Enforce_mode_lists_the_flaky_test_as_flaky_and_reruns_0_by_option_or_property_run_it_once(TestFramework framework)
    {
        var project = await BuiltAsync(framework);

        // One rerun is enough: the flaky test fails first and passes then.
        var (results, markers, environment) = RunFixture.NewRun(project);
        var enforced = await project.RunTestAppAsync(results, environment, "--agt-enforce", "--agt-reruns", "1");
        Assert.True(enforced.ExitCode == 2, enforced.Output);
        Assert.Equal([Flaky], RunRecord.ReadSingle(results).FlakyTests());
        Assert.Equal(2, RanTimes(markers));
        Assert.Contains($"    {Flaky} (agent copilot; criteria CART-12; unapproved; flaky)\n", Lines(enforced), StringComparison.Ordinal);
        Assert.Contains($"    {Unapproved} (agent copilot; criteria CART-12; unapproved)\n", Lines(enforced), StringComparison.Ordinal);

        (results, markers, environment) = RunFixture.NewRun(project, ("CI", "true"));
        var byOption = await project.RunTestAppAsync(results, environment, "--agt-reruns", "0");
        AssertRanOnce(byOption, results, markers);

        (results, markers, environment) = RunFixture.NewRun(project, ("CI", "true"));
        var byProperty = await DotNet.RunAsync(
            project.Directory, ["exec", "--runtimeconfig", RuntimeConfigWithRerunsOff(project, Path.GetDirectoryName(results)!), project.OutputAssembly, "--results-directory", results], environment);
        AssertRanOnce(byProperty, results, markers);
    }

    /// <summary>The property's 0 for the frameworks whose option and listing <see cref="RerunRunTests"/> checks: one run each.</summary>
    [Theory]
    [InlineData(TestFramework.XunitV3)]
    [InlineData(TestFramework.MSTest)]
    public async Task Reruns_0_by_property_run_the_flaky_test_once_in_CI(TestFramework framework)
    {
        var project = await BuiltAsync(framework);

        var (results, markers, environment) = RunFixture.NewRun(project, ("CI", "true"));
        var byProperty = await DotNet.RunAsync(
            project.Directory, ["exec", "--runtimeconfig", RuntimeConfigWithRerunsOff(project, Path.GetDirectoryName(results)!), project.OutputAssembly, "--results-directory", results], environment);
        AssertRanOnce(byProperty, results, markers);
    }

    /// <summary>In CI, enforce mode failed the run for its unapproved tests; none was rerun, none is flaky.</summary>
    private static void AssertRanOnce(ProcessResult run, string results, string markers)
    {
        Assert.True(run.ExitCode == 2, run.Output);
        var record = RunRecord.ReadSingle(results);
        Assert.Null(record.Reruns);
        Assert.Empty(record.FlakyTests());
        Assert.Equal(1, RanTimes(markers));
        Assert.Contains($"    {Flaky} (agent copilot; criteria CART-12; unapproved)\n", Lines(run), StringComparison.Ordinal);
    }

    /// <summary>A copy of the app's runtimeconfig.json with <c>"AgentTestGuard.Reruns": 0</c>, as the build writes AgentTestGuardReruns=0.</summary>
    private static string RuntimeConfigWithRerunsOff(TestProject project, string folder)
    {
        var built = Path.ChangeExtension(project.OutputAssembly, ".runtimeconfig.json");
        var config = JsonNode.Parse(File.ReadAllText(built))!;
        config["runtimeOptions"]!["configProperties"]!["AgentTestGuard.Reruns"] = 0;
        var copy = Path.Combine(folder, "rerunsoff.runtimeconfig.json");
        File.WriteAllText(copy, config.ToJsonString());
        return copy;
    }

    /// <summary>How many times the flaky test ran: the lines of its marker file.</summary>
    private static int RanTimes(string markers) => File.ReadAllLines(Path.Combine(markers, "flaky")).Length;

    private static string Lines(ProcessResult run) => run.Output.ReplaceLineEndings("\n");
}
