using AgentTestGuard.TestingPlatform.Record;
using Xunit;

namespace AgentTestGuard.TestingPlatform.Tests.Record;

public sealed class UserExitCodeIgnoreTests
{
    [Theory]
    [InlineData(null, null, new int[0])]
    [InlineData("", "8", new[] { 8 })]
    [InlineData("2", "8", new[] { 2 })]
    [InlineData(" 2 ; 8;;2;x;-1 ", null, new[] { 2, 8 })]
    public void The_variable_replaces_the_option_as_the_platform_reads_them(string? variable, string? option, int[] codes)
    {
        Assert.Equal(codes, UserExitCodeIgnore.Read(variable, option));
    }
}
