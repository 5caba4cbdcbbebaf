using AgentTestGuard.Inventory;
using Xunit;

namespace AgentTestGuard.Core.Tests.Inventory;

public sealed class SourcePathMapperTests
{
    private static readonly char Separator = Path.DirectorySeparatorChar;

    [Fact]
    public void The_longest_matching_prefix_wins()
    {
        var mapper = new SourcePathMapper([new("/_/", "/repo/"), new("/_/src/", "/src-checkout/")]);

        Assert.Equal(Os("/src-checkout/Cart.cs"), mapper.Map("/_/src/Cart.cs"));
        Assert.Equal(Os("/repo/tests/Cart.cs"), mapper.Map("/_/tests/Cart.cs"));
    }

    [Fact]
    public void Separators_match_either_way_and_come_out_as_the_os_writes_them()
    {
        var mapper = new SourcePathMapper([new(@"C:\agent\_work\1\s\", "/home/dev/shop/")]);

        Assert.Equal(Os("/home/dev/shop/tests/Cart.cs"), mapper.Map("C:/agent/_work/1/s/tests/Cart.cs"));
    }

    [Fact]
    public void A_local_prefix_without_a_trailing_separator_still_joins()
    {
        var mapper = new SourcePathMapper([new("/_/", "/home/dev/shop")]);

        Assert.Equal(Os("/home/dev/shop/tests/Cart.cs"), mapper.Map("/_/tests/Cart.cs"));
    }

    [Fact]
    public void Unmapped_paths_only_get_the_os_separator()
    {
        var mapper = new SourcePathMapper([new("/_/", "/repo/")]);

        Assert.Equal(Os("/elsewhere/Cart.cs"), mapper.Map(@"\elsewhere\Cart.cs"));
    }

    private static string Os(string path) => path.Replace('/', Separator);
}
