using AgentTestGuard.TestingPlatform.ExitCode;
using Xunit;

namespace AgentTestGuard.TestingPlatform.Tests.ExitCode;

public sealed class TestHostRelayTests
{
    [Theory]
    [InlineData("--report-trx")]
    [InlineData("-report-trx")]
    [InlineData("--hangdump")]
    [InlineData("--crashdump")]
    [InlineData("--coverage")]
    [InlineData("--agt-relay")]
    [InlineData("--hangdump:5m")]
    [InlineData("--report-trx=true")]
    [InlineData("@test.rsp")]
    public void Arguments_that_may_start_a_child_test_host_need_the_relay(string argument) =>
        Assert.True(TestHostRelay.MayBeNeeded(["--results-directory", "out", argument]));

    [Theory]
    [InlineData()]
    [InlineData("--results-directory", "out")]
    [InlineData("--report-trx-filename", "run.trx")]
    [InlineData("--filter-class", "report-trx")]
    [InlineData("--agt-enforce", "false")]
    public void Other_arguments_do_not(params string[] arguments) =>
        Assert.False(TestHostRelay.MayBeNeeded(arguments));
}
