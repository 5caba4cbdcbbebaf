namespace Shop;

/// <summary>Tax rates by shipping region.</summary>
public sealed class TaxTable(IReadOnlyDictionary<string, decimal> rates)
{
    public decimal RateFor(string region) =>
        rates.TryGetValue(region, out var rate) ? rate : throw new KeyNotFoundException($"No tax rate for region '{region}'.");
}
