using AgentTestGuard;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Shop.MSTestTests;

[TestClass]
public class TaxTableTests
{
    private static readonly TaxTable Taxes = new(new Dictionary<string, decimal> { ["EU"] = 0.20m });

    [TestMethod]
    public void Known_region_has_its_rate() => Assert.AreEqual(0.20m, Taxes.RateFor("EU"));

    [TestMethod, AgentGenerated("claude-code"), AcceptanceCriteria("CART-12")]
    [DataRow("EU", 24.00)]
    public void Total_includes_the_regions_tax(string region, double expected)
    {
        var cart = new Cart(Taxes, region);
        cart.Add("lamp", 20.00m);
        Assert.AreEqual((decimal)expected, cart.Total);
    }

    [TestMethod, AgentGenerated("copilot", Criteria = ["SHOP-102"])]
    public void Unknown_region_is_refused() =>
        Assert.ThrowsExactly<KeyNotFoundException>(() => Taxes.RateFor("MARS"));
}
