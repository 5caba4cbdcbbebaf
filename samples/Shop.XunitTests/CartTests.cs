using AgentTestGuard;
using Xunit;

namespace Shop.XunitTests;

public class CartTests
{
    private static readonly TaxTable Taxes = new(new Dictionary<string, decimal> { ["EU"] = 0.20m, ["US-OR"] = 0m });

    // Written by a person: no tag, gates the build as always.
    [Fact]
    public void Subtotal_sums_price_times_quantity()
    {
        var cart = new Cart(Taxes, "EU");
        cart.Add("pen", 1.50m, 2);
        Assert.Equal(3.00m, cart.Subtotal);
    }

    // Written by an agent: tagged, and linked to the criterion it checks.
    [Theory, AgentGenerated("copilot", Model = "gpt-5"), AcceptanceCriteria("CART-12")]
    [InlineData("EU", 12.00)]
    [InlineData("US-OR", 10.00)]
    public void Total_includes_the_regions_tax(string region, decimal expected)
    {
        var cart = new Cart(Taxes, region);
        cart.Add("book", 10.00m);
        Assert.Equal(expected, cart.Total);
    }

    [Fact, AgentGenerated("claude-code", Criteria = ["CART-13", "SHOP-101"])]
    public async Task Empty_cart_totals_zero()
    {
        var cart = await Task.Run(() => new Cart(Taxes, "EU"));
        Assert.Equal(0m, cart.Total);
    }

    // xunit v3's [AgentFact] is [Fact] with the tag built in: one attribute, which costs a test run
    // what an untagged [Fact] does. The package compiles it into xunit v3 test projects.
    [AgentFact("copilot", "CART-13")]
    public void Empty_cart_totals_zero_in_a_region_without_tax()
    {
        var cart = new Cart(Taxes, "US-OR");
        Assert.Equal(0m, cart.Total);
    }
}
