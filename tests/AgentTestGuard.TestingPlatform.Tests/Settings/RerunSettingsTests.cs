using AgentTestGuard.TestingPlatform.Settings;
using Xunit;

namespace AgentTestGuard.TestingPlatform.Tests.Settings;

public sealed class RerunSettingsTests
{
    private static RerunSettings Resolve(
        string? rerunsOption = null,
        string? budgetOption = null,
        bool enforce = false,
        Dictionary<string, string>? appContext = null,
        Dictionary<string, string>? variables = null) =>
        RerunSettings.Resolve(
            rerunsOption,
            budgetOption,
            enforce,
            name => appContext?.GetValueOrDefault(name),
            name => variables?.GetValueOrDefault(name));

    [Fact]
    public void Locally_nothing_is_rerun_by_default() =>
        Assert.Equal(new RerunSettings(0, "default", 120), Resolve());

    [Fact]
    public void In_ci_or_enforce_mode_each_test_is_rerun_five_times()
    {
        Assert.Equal(new RerunSettings(5, "CI detected", 120), Resolve(variables: new() { ["CI"] = "true" }));
        Assert.Equal(new RerunSettings(5, "enforce mode", 120), Resolve(enforce: true));
    }

    [Fact]
    public void The_option_wins_over_the_property_which_wins_over_the_default()
    {
        var property = new Dictionary<string, string> { [RerunSettings.RerunsSwitch] = "3", [RerunSettings.BudgetSwitch] = "60" };

        Assert.Equal(new RerunSettings(3, "AgentTestGuardReruns", 60), Resolve(appContext: property, enforce: true));
        Assert.Equal(new RerunSettings(0, "--agt-reruns", 10), Resolve(rerunsOption: "0", budgetOption: "10", appContext: property, enforce: true));
    }

    [Fact]
    public void An_empty_or_malformed_property_is_left_to_the_default()
    {
        // The targets write the property whether or not the project sets it: unset, it is empty.
        var property = new Dictionary<string, string> { [RerunSettings.RerunsSwitch] = "", [RerunSettings.BudgetSwitch] = "soon" };

        Assert.Equal(new RerunSettings(5, "enforce mode", 120), Resolve(appContext: property, enforce: true));
    }
}
