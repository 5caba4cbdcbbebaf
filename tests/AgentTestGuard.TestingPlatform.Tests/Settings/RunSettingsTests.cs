using AgentTestGuard.TestingPlatform.Settings;
using Xunit;

namespace AgentTestGuard.TestingPlatform.Tests.Settings;

public sealed class RunSettingsTests
{
    private static RunSettings Resolve(
        string? enforceOption = null,
        string? environmentOption = null,
        Dictionary<string, string>? appContext = null,
        Dictionary<string, string>? variables = null) =>
        RunSettings.Resolve(
            enforceOption,
            environmentOption,
            name => appContext?.GetValueOrDefault(name),
            name => variables?.GetValueOrDefault(name));

    [Fact]
    public void Nothing_set_means_no_enforcement_in_the_local_environment() =>
        Assert.Equal(new RunSettings(false, "default", "local", "default"), Resolve());

    [Fact]
    public void A_bare_enforce_option_turns_enforcement_on() =>
        Assert.Equal(new RunSettings(true, "--agt-enforce", "local", "default"), Resolve(enforceOption: ""));

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    public void The_enforce_option_takes_a_boolean(string option, bool expected)
    {
        var settings = Resolve(enforceOption: option);

        Assert.Equal((expected, "--agt-enforce"), (settings.Enforce, settings.EnforceSource));
    }

    [Fact]
    public void The_enforce_option_false_beats_a_CI_service()
    {
        var settings = Resolve(enforceOption: "false", variables: new() { ["CI"] = "true" });

        Assert.Equal(new RunSettings(false, "--agt-enforce", "ci", "CI detected"), settings);
    }

    [Fact]
    public void The_enforce_option_beats_the_runtime_configuration()
    {
        var settings = Resolve(enforceOption: "false", appContext: new() { [RunSettings.EnforceSwitch] = "true" });

        Assert.Equal((false, "--agt-enforce"), (settings.Enforce, settings.EnforceSource));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void The_enforce_property_beats_CI_detection(string property, bool expected)
    {
        var settings = Resolve(
            appContext: new() { [RunSettings.EnforceSwitch] = property, [RunSettings.ContinuousIntegrationBuildSwitch] = "true" },
            variables: new() { ["CI"] = "true" });

        Assert.Equal((expected, "AgentTestGuardEnforce"), (settings.Enforce, settings.EnforceSource));
    }

    [Fact]
    public void The_enforce_property_off_outside_CI_stays_off()
    {
        var settings = Resolve(appContext: new() { [RunSettings.EnforceSwitch] = "false" });

        Assert.Equal(new RunSettings(false, "AgentTestGuardEnforce", "local", "default"), settings);
    }

    [Fact]
    public void A_blank_enforce_property_is_not_set()
    {
        var settings = Resolve(appContext: new() { [RunSettings.EnforceSwitch] = " " });

        Assert.Equal((false, "default"), (settings.Enforce, settings.EnforceSource));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("True")]
    public void A_continuous_integration_build_enforces(string property)
    {
        var settings = Resolve(appContext: new() { [RunSettings.ContinuousIntegrationBuildSwitch] = property });

        Assert.Equal((true, "ContinuousIntegrationBuild"), (settings.Enforce, settings.EnforceSource));
    }

    [Fact]
    public void A_build_that_is_not_continuous_integration_does_not_enforce()
    {
        var settings = Resolve(appContext: new() { [RunSettings.ContinuousIntegrationBuildSwitch] = "false" });

        Assert.Equal((false, "default"), (settings.Enforce, settings.EnforceSource));
    }

    [Theory]
    [InlineData("CI", "true")]
    [InlineData("CI", "TRUE")]
    [InlineData("CI", "1")]
    [InlineData("TF_BUILD", "True")]
    [InlineData("JENKINS_URL", "https://jenkins.example.com/")]
    [InlineData("TEAMCITY_VERSION", "2025.07")]
    public void A_CI_service_enforces_in_the_ci_environment(string variable, string value)
    {
        var settings = Resolve(variables: new() { [variable] = value });

        Assert.Equal(new RunSettings(true, "CI detected", "ci", "CI detected"), settings);
    }

    [Theory]
    [InlineData("CI", "false")]
    [InlineData("CI", "0")]
    [InlineData("CI", "")]
    [InlineData("TF_BUILD", "")]
    public void Variables_that_do_not_say_CI_are_not_a_CI_service(string variable, string value)
    {
        var settings = Resolve(variables: new() { [variable] = value });

        Assert.Equal(new RunSettings(false, "default", "local", "default"), settings);
    }

    [Fact]
    public void The_environment_variable_names_the_environment()
    {
        var settings = Resolve(variables: new() { [RunSettings.EnvironmentVariable] = " staging " });

        Assert.Equal(new RunSettings(false, "default", "staging", "AGENTTESTGUARD_ENVIRONMENT"), settings);
    }

    [Fact]
    public void The_environment_variable_beats_CI_detection_for_the_name_but_not_for_enforcement()
    {
        var settings = Resolve(variables: new() { [RunSettings.EnvironmentVariable] = "staging", ["CI"] = "true" });

        Assert.Equal(new RunSettings(true, "CI detected", "staging", "AGENTTESTGUARD_ENVIRONMENT"), settings);
    }

    [Fact]
    public void The_environment_option_beats_the_variable()
    {
        var settings = Resolve(environmentOption: " perf ", variables: new() { [RunSettings.EnvironmentVariable] = "staging", ["CI"] = "true" });

        Assert.Equal(("perf", "--agt-environment"), (settings.Environment, settings.EnvironmentSource));
    }

    [Fact]
    public void A_blank_environment_variable_is_not_set()
    {
        var settings = Resolve(variables: new() { [RunSettings.EnvironmentVariable] = "  " });

        Assert.Equal(("local", "default"), (settings.Environment, settings.EnvironmentSource));
    }

    [Theory]
    [InlineData("ci", true)]
    [InlineData("CI", true)]
    [InlineData("Local", true)]
    [InlineData("staging", false)]
    [InlineData("c", false)]
    public void Environments_are_allowed_case_insensitively(string environment, bool expected)
    {
        var settings = new RunSettings(false, "default", environment, "--agt-environment");

        Assert.Equal(expected, settings.AllowsUnreviewedTests(["local", "ci"]));
    }

    [Fact]
    public void An_empty_list_allows_no_environment() =>
        Assert.False(new RunSettings(false, "default", "local", "default").AllowsUnreviewedTests([]));
}
