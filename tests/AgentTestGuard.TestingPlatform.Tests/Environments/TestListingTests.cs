using AgentTestGuard.TestingPlatform.Environments.Listings;
using Xunit;

namespace AgentTestGuard.TestingPlatform.Tests.Environments;

/// <summary>
/// Each framework's listing, as its test app printed it (Listings/README.md): every test case with
/// its node uid and the test id the inventory classifies by.
/// </summary>
public sealed class TestListingTests
{
    /// <summary>Per framework, every test case as listed; the comments say what each listing shows.</summary>
    private static readonly Dictionary<string, ListedTest[]> Listed = new()
    {
        // One entry per test (a theory's rows are one test case); nested classes joined by "+".
        ["xunit"] =
        [
            new("cfba03083cd31055d697e620eb1151d8f374f0a829d0b60beba50cb4411a03cd", "Shop.Tests.CartTests.Empty_cart_is_zero"),
            new("d9eaf2a004c098cdbc5e48dcb943b58d40b95daf47d7aa7994e6d27fc8eae27c", "Shop.Tests.CartTests.Inherited_test"),
            new("330bff8a309ed929c6734a958f3113844b686e973e4bf5b8e525cac67a3adc84", "Shop.Tests.CartTests.Removes_item"),
            new("ae7f0a8d8ccdc917480fe0d7dc5dcd7daefb475907020444c7bc888aa6f9c629", "Shop.Tests.CartTests+Nested.Works"),
        ],

        // After a blank line; one entry per data row, each with a uid of its own.
        ["mstest"] =
        [
            new("19bc90a0-7b2c-8cf7-9a2d-29b9fc28b360", "Shop.Tests.CartTests.Empty_cart_is_zero"),
            new("1796c51d-05f5-8b39-b6b6-70ec88acb7b1", "Shop.Tests.CartTests.Removes_item"),
            new("1341cfe6-455d-8918-a0b0-b613cc13f95e", "Shop.Tests.CartTests.Removes_item"),
            new("14f208a6-d044-8107-9cd5-63d7f72ec726", "Shop.Tests.CartTests.Inherited_test"),
            new("1c65c88d-78b9-8d82-ad1f-aa8ef9557148", "Shop.Tests.CartTests+Nested.Works"),
        ],

        // Uids are the tests' full names, a case's with its arguments.
        ["nunit"] =
        [
            new("Shop.Tests.CartTests.Empty_cart_is_zero", "Shop.Tests.CartTests.Empty_cart_is_zero"),
            new("Shop.Tests.CartTests.Inherited_test", "Shop.Tests.CartTests.Inherited_test"),
            new("Shop.Tests.CartTests.Removes_item(1)", "Shop.Tests.CartTests.Removes_item"),
            new("Shop.Tests.CartTests.Removes_item(2)", "Shop.Tests.CartTests.Removes_item"),
            new("Shop.Tests.CartTests+Nested.Works", "Shop.Tests.CartTests+Nested.Works"),
        ],

        // The inherited test under the inheriting class ([InheritsTests]).
        ["tunit"] =
        [
            new("Shop.Tests.CartTests+Nested.1.1.Works.1.1.0", "Shop.Tests.CartTests+Nested.Works"),
            new("Shop.Tests.CartTests.1.1.Empty_cart_is_zero.1.1.0", "Shop.Tests.CartTests.Empty_cart_is_zero"),
            new("Shop.Tests.CartTests.1.1.Removes_item(System.Int32).1.1.0", "Shop.Tests.CartTests.Removes_item"),
            new("Shop.Tests.CartTests.1.1.Removes_item(System.Int32).2.1.0", "Shop.Tests.CartTests.Removes_item"),
            new("Shop.Tests.CartTests.1.1.Inherited_test.1.1.0", "Shop.Tests.CartTests.Inherited_test"),
        ],
    };

    [Theory]
    [InlineData("xunit")]
    [InlineData("mstest")]
    [InlineData("nunit")]
    [InlineData("tunit")]
    public void Reads_every_test_case_of_the_frameworks_listing(string framework)
    {
        var listing = framework == "xunit" ? (ITestListing)XunitTestListing.Instance : PlatformTestListing.Instance;

        var (tests, problem) = listing.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Environments", "Listings", framework + ".txt")));

        Assert.Null(problem);
        Assert.Equal(Listed[framework], tests!);
    }

    [Fact]
    public void A_platform_listing_entry_without_a_type_is_known_by_its_display_name()
    {
        const string output = """
            Microsoft.Testing.Platform v2.5.2
            { "schemaVersion": 1, "tests": [ { "uid": "1a2b", "displayName": "Untyped test" } ] }
            """;

        var (tests, problem) = PlatformTestListing.Instance.Parse(output);

        Assert.Null(problem);
        Assert.Equal([new ListedTest("1a2b", "Untyped test")], tests!);
    }

    [Theory]
    [InlineData("error: unknown option: --list-tests", "the test listing was empty")]
    [InlineData("[{\"ID\":\"x\"}]", "the test listing could not be read: The given key was not present in the dictionary.")]
    [InlineData("[{\"ID\":\"x\",\"Class\":null,\"Method\":\"M\"}]", "the test listing could not be read: \"Class\" is null")]
    [InlineData("[{\"ID\":", "the test listing could not be read: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed. LineNumber: 0 | BytePositionInLine: 7.")]
    public void An_xunit_listing_that_cannot_be_read_says_why(string output, string problem)
    {
        var (tests, found) = XunitTestListing.Instance.Parse(output);

        Assert.Null(tests);
        Assert.Equal(problem, found);
    }

    [Fact]
    public void A_platform_listing_without_tests_says_why()
    {
        var (tests, found) = PlatformTestListing.Instance.Parse("""{ "schemaVersion": 1 }""");

        Assert.Null(tests);
        Assert.Equal("the test listing could not be read: The given key was not present in the dictionary.", found);
    }

    [Fact]
    public void An_xunit_test_app_is_listed_by_xunit_and_any_other_by_the_platform()
    {
        Assert.Same(XunitTestListing.Instance, TestListings.For(typeof(TestListingTests).Assembly));
        Assert.Same(PlatformTestListing.Instance, TestListings.For(typeof(ListedTest).Assembly));
        Assert.Equal(["-automated", "-list", "full/json"], XunitTestListing.Instance.Arguments);
        Assert.Equal(["--list-tests", "json"], PlatformTestListing.Instance.Arguments);
    }
}
