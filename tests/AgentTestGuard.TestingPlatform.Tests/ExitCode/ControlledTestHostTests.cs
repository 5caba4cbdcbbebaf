using AgentTestGuard.TestingPlatform.ExitCode;
using Xunit;

namespace AgentTestGuard.TestingPlatform.Tests.ExitCode;

public sealed class ControlledTestHostTests
{
    [Theory]
    [InlineData("--internal-testhostcontroller-pid", "1627")]
    [InlineData("--report-trx", "--internal-testhostcontroller-pid", "1627")]
    [InlineData("-internal-testhostcontroller-pid:1627")]
    [InlineData("--INTERNAL-TESTHOSTCONTROLLER-PID=1627")]
    public void A_child_test_host_is_told_by_the_option_its_controller_adds(params string[] arguments) =>
        Assert.True(ControlledTestHost.IsChild(arguments));

    [Theory]
    [InlineData()]
    [InlineData("--report-trx")]
    [InlineData("--filter-class", "internal-testhostcontroller-pid")]
    [InlineData("--internal-testhostcontroller-pidfile", "x")]
    public void Other_arguments_are_not_a_child_s(params string[] arguments) =>
        Assert.False(ControlledTestHost.IsChild(arguments));
}
