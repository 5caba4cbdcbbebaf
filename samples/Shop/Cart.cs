namespace Shop;

/// <summary>A shopping cart whose total includes the tax of the region it ships to.</summary>
public sealed class Cart(TaxTable taxes, string region)
{
    private readonly List<(string Product, decimal Price, int Quantity)> _lines = [];

    public void Add(string product, decimal price, int quantity = 1)
    {
        if (quantity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, $"Quantity of '{product}' must be at least 1.");
        }

        _lines.Add((product, price, quantity));
    }

    public decimal Subtotal => _lines.Sum(l => l.Price * l.Quantity);

    public decimal Total => decimal.Round(Subtotal * (1 + taxes.RateFor(region)), 2);
}
