using AgentTestGuard.TestingPlatform.ExitCode;
using Xunit;

namespace AgentTestGuard.TestingPlatform.Tests.ExitCode;

public sealed class ExitCodeIgnoreTests
{
    [Theory]
    [InlineData(null, null, "2")]
    [InlineData("", "", "2")]
    [InlineData("  ", null, "2")]
    [InlineData(null, " ", "2")]
    public void Without_codes_of_the_user_only_2_is_ignored(string? variable, string? option, string expected) =>
        Assert.Equal(expected, ExitCodeIgnore.Merge(variable, option));

    [Fact]
    public void The_users_variable_is_kept() =>
        Assert.Equal("8;2", ExitCodeIgnore.Merge("8", null));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("   ")]
    public void The_option_is_kept_when_the_variable_is_not_set(string? variable) =>
        Assert.Equal("8;2", ExitCodeIgnore.Merge(variable, "8"));

    [Fact]
    public void The_variable_wins_over_the_option_as_it_does_in_the_platform() =>
        Assert.Equal("8;2", ExitCodeIgnore.Merge("8", "9"));

    [Theory]
    [InlineData("2;8")]
    [InlineData("8;2")]
    [InlineData("2")]
    [InlineData("8; 2 ")]
    public void Codes_that_already_include_2_are_unchanged(string variable) =>
        Assert.Equal(variable, ExitCodeIgnore.Merge(variable, null));

    [Theory]
    [InlineData("8;", "8;2")]
    [InlineData("8;9;;", "8;9;2")]
    [InlineData("8;12", "8;12;2")]
    public void A_trailing_separator_does_not_leave_an_empty_code(string variable, string expected) =>
        Assert.Equal(expected, ExitCodeIgnore.Merge(variable, null));

    [Fact]
    public void A_code_that_merely_contains_the_digit_2_is_not_taken_for_2() =>
        Assert.Equal("12;2", ExitCodeIgnore.Merge(null, "12"));

    [Theory]
    [InlineData(null, null, null)]
    [InlineData(null, "8", null)]
    [InlineData("8", null, "8")]
    [InlineData("2", null, "2")]
    public void When_failed_tests_count_the_variable_is_the_users_own_or_unset(string? userVariable, string? option, string? expected) =>
        Assert.Equal(expected, ExitCodeIgnore.Settle(userVariable, option, ignoreFailedTests: false));

    [Theory]
    [InlineData(null, null, "2")]
    [InlineData(null, "8", "8;2")]
    [InlineData("8", "9", "8;2")]
    public void When_only_quarantined_tests_failed_2_joins_the_users_codes(string? userVariable, string? option, string expected) =>
        Assert.Equal(expected, ExitCodeIgnore.Settle(userVariable, option, ignoreFailedTests: true));

    [Fact]
    public void Apply_replaces_whatever_a_test_set_with_what_the_verdict_allows()
    {
        var before = Environment.GetEnvironmentVariable(ExitCodeIgnore.Variable);
        try
        {
            // A test set "2"; the user had set nothing, and a gating test failed.
            Environment.SetEnvironmentVariable(ExitCodeIgnore.Variable, "2");
            ExitCodeIgnore.Apply(userVariable: null, ignoreExitCodeOption: null, ignoreFailedTests: false);
            Assert.Null(Environment.GetEnvironmentVariable(ExitCodeIgnore.Variable));

            // A test set "2"; the user had set "8", and only quarantined tests failed.
            Environment.SetEnvironmentVariable(ExitCodeIgnore.Variable, "2");
            ExitCodeIgnore.Apply(userVariable: "8", ignoreExitCodeOption: "9", ignoreFailedTests: true);
            Assert.Equal("8;2", Environment.GetEnvironmentVariable(ExitCodeIgnore.Variable));
        }
        finally
        {
            // The platform running these tests reads the variable for its own exit code.
            Environment.SetEnvironmentVariable(ExitCodeIgnore.Variable, before);
        }
    }
}
