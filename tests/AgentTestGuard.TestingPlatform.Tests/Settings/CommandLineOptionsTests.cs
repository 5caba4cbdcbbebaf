using AgentTestGuard.TestingPlatform.Settings;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.CommandLine;
using Xunit;

namespace AgentTestGuard.TestingPlatform.Tests.Settings;

public sealed class CommandLineOptionsTests
{
    private readonly CommandLineOptions _provider = new();

    private Task<ValidationResult> Validate(string option, params string[] arguments) =>
        _provider.ValidateOptionArgumentsAsync(_provider.GetCommandLineOptions().Single(o => o.Name == option), arguments);

    [Fact]
    public void The_options_and_their_arities()
    {
        var options = _provider.GetCommandLineOptions().ToDictionary(o => o.Name, o => o.Arity);

        Assert.Equal(
            new Dictionary<string, ArgumentArity>
            {
                ["agt-enforce"] = ArgumentArity.ZeroOrOne,
                ["agt-environment"] = ArgumentArity.ExactlyOne,
                ["agt-relay"] = ArgumentArity.Zero,
                ["agt-reruns"] = ArgumentArity.ExactlyOne,
                ["agt-rerun-budget"] = ArgumentArity.ExactlyOne,
            },
            options);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("TRUE")]
    [InlineData("False")]
    public async Task Enforce_accepts_true_or_false_in_any_case(string argument)
    {
        var result = await Validate(CommandLineOptions.Enforce, argument);

        Assert.True(result.IsValid, result.ErrorMessage);
    }

    [Fact]
    public async Task Enforce_may_be_given_without_a_value()
    {
        var result = await Validate(CommandLineOptions.Enforce);

        Assert.True(result.IsValid, result.ErrorMessage);
    }

    [Fact]
    public async Task Enforce_rejects_other_values()
    {
        var result = await Validate(CommandLineOptions.Enforce, "yes");

        Assert.False(result.IsValid);
        Assert.Equal("--agt-enforce takes 'true' or 'false', not 'yes'.", result.ErrorMessage);
    }

    [Fact]
    public async Task A_rejected_value_is_shown_escaped()
    {
        var result = await Validate(CommandLineOptions.Enforce, "y\u001b[2Je\u202Es");

        Assert.False(result.IsValid);
        Assert.Equal("--agt-enforce takes 'true' or 'false', not 'y\\u001B[2Je\\u202Es'.", result.ErrorMessage);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t")]
    public async Task Environment_needs_a_name(string argument)
    {
        var result = await Validate(CommandLineOptions.Environment, argument);

        Assert.False(result.IsValid);
        Assert.Equal("--agt-environment needs a name, e.g. 'staging'.", result.ErrorMessage);
    }

    [Fact]
    public async Task Environment_accepts_a_name()
    {
        var result = await Validate(CommandLineOptions.Environment, "staging");

        Assert.True(result.IsValid, result.ErrorMessage);
    }

    [Fact]
    public async Task Relay_takes_no_value()
    {
        var result = await Validate(CommandLineOptions.Relay);

        Assert.True(result.IsValid, result.ErrorMessage);
    }

    [Theory]
    [InlineData(CommandLineOptions.Reruns, "0")]
    [InlineData(CommandLineOptions.Reruns, "10")]
    [InlineData(CommandLineOptions.RerunBudget, "300")]
    public async Task Reruns_and_their_budget_take_a_whole_number(string option, string argument)
    {
        var result = await Validate(option, argument);

        Assert.True(result.IsValid, result.ErrorMessage);
    }

    [Theory]
    [InlineData(CommandLineOptions.Reruns, "-1")]
    [InlineData(CommandLineOptions.Reruns, "five")]
    [InlineData(CommandLineOptions.RerunBudget, "1.5")]
    public async Task Reruns_and_their_budget_refuse_anything_else(string option, string argument)
    {
        var result = await Validate(option, argument);

        Assert.False(result.IsValid);
        Assert.Equal($"--{option} takes a whole number of at least 0, not '{argument}'.", result.ErrorMessage);
    }
}
