using AgentTestGuard;
using Xunit;

namespace Shop.XunitTests;

// Class-level tags apply to every test in the class.
[AgentGenerated("copilot", Session = "pr-481"), AcceptanceCriteria("CART-14")]
public class QuantityTests
{
    private readonly Cart _cart = new(new TaxTable(new Dictionary<string, decimal> { ["EU"] = 0.20m }), "EU");

    [Fact]
    public void Zero_quantity_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _cart.Add("pen", 1m, 0));
        Assert.Contains("'pen'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_quantity_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _cart.Add("pen", 1m, -3));
}
