using AgentTestGuard.TestingPlatform.Environments;
using Xunit;

namespace AgentTestGuard.TestingPlatform.Tests.Environments;

/// <summary>The two listings the discovery child reads, as the test apps print them.</summary>
public sealed class DiscoveryChildTests
{
    [Fact]
    public void Reads_the_platforms_listing_after_what_the_app_printed_before_it()
    {
        const string output = """
            Microsoft.Testing.Platform v2.5.2
            {
              "schemaVersion": 1,
              "tests": [
                {
                  "uid": "fb958ac8",
                  "displayName": "Shop.Tests.Derived.Own",
                  "type": { "namespace": "Shop.Tests", "typeName": "Derived", "methodName": "Own", "methodArity": 0 }
                },
                { "uid": "1a2b", "displayName": "Untyped test" }
              ]
            }
            """;

        var (listing, problem) = DiscoveryChild.Parse(output);

        Assert.Null(problem);
        Assert.Equal([("fb958ac8", "Shop.Tests.Derived.Own"), ("1a2b", "Untyped test")], listing!);
    }

    [Fact]
    public void Reads_xunits_listing_with_classes_by_full_name()
    {
        const string output = """
            [{"Assembly":"/r/bin/Shop.Tests.dll","DisplayName":"Shop.Tests.Derived.Declared","ID":"be6ede36","Class":"Shop.Tests.Derived","Method":"Declared","Explicit":false},{"Assembly":"/r/bin/Shop.Tests.dll","DisplayName":"Nested","ID":"0c1d","Class":"Shop.Tests.Outer+Nested","Method":"Works","Explicit":false}]
            """;

        var (listing, problem) = DiscoveryChild.ParseXunit(output);

        Assert.Null(problem);
        Assert.Equal([("be6ede36", "Shop.Tests.Derived.Declared"), ("0c1d", "Shop.Tests.Outer+Nested.Works")], listing!);
    }

    [Theory]
    [InlineData("error: unknown option: --list-tests", "the test listing was empty")]
    [InlineData("[{\"ID\":\"x\"}]", "the test listing could not be read: ")]
    [InlineData("[{\"ID\":", "the test listing could not be read: ")]
    public void A_listing_that_cannot_be_read_says_so(string output, string problem)
    {
        var (listing, found) = DiscoveryChild.ParseXunit(output);

        Assert.Null(listing);
        Assert.StartsWith(problem, found, StringComparison.Ordinal);
    }
}
