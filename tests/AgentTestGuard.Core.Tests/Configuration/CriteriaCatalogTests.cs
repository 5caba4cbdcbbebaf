using AgentTestGuard.Configuration;
using Xunit;

namespace AgentTestGuard.Core.Tests.Configuration;

public sealed class CriteriaCatalogTests
{
    [Fact]
    public void Reads_criteria_with_comments_and_trailing_commas()
    {
        using var file = new TempFile("c.json", """
            {
              // kept by QA
              "criteria": [
                { "id": "CART-12", "text": "Tax is included.", "link": "https://t.example.com/CART-12" },
                { "id": " CART-13 ", "text": "Empty is zero." },
              ],
            }
            """);

        var catalog = CriteriaCatalog.Load(file.Path, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.NotNull(catalog);
        Assert.Equal(new Criterion("CART-12", "Tax is included.", "https://t.example.com/CART-12", 4), catalog.Find("CART-12"));
        Assert.Equal("Empty is zero.", catalog.Find("CART-13")?.Text);
        Assert.Null(catalog.Find("cart-12"));
    }

    [Theory]
    [InlineData("", 1, 1, "Not valid JSON: The input does not contain any JSON tokens.")]
    [InlineData("[]", 1, 1, "Expected the document to be a JSON object.")]
    [InlineData("{}", 1, 1, "'criteria' is missing")]
    [InlineData("{ \"criteria\": {} }", 1, 15, "Expected 'criteria' to be a JSON array.")]
    [InlineData("{ \"criteria\": [ 1 ] }", 1, 17, "Expected each criterion to be a JSON object.")]
    [InlineData("{ \"criteria\": [\n  { \"id\": \"\", \"text\": \"t\" } ] }", 2, 11, "Expected 'id' to be a non-empty string.")]
    [InlineData("{ \"criteria\": [\n  { \"id\": \"A\", \"text\": 5 } ] }", 2, 24, "Expected 'text' to be a non-empty string.")]
    [InlineData("{ \"criteria\": [\n  { \"id\": \"A\", \"text\": \"t\", \"link\": \"data:text/html,x\" } ] }", 2, 37, "'link' must be an absolute http:// or https:// address")]
    [InlineData("{ \"criteria\": [\n  { \"id\": \"A\", \"text\": \"t\", \"link\": \"/relative\" } ] }", 2, 37, "'link' must be an absolute")]
    [InlineData("{ \"criteria\": [ }", 1, 17, "Not valid JSON")]
    [InlineData("{ \"criteria\": [] } x", 1, 20, "Not valid JSON")]
    public void Reports_problems_at_their_position(string json, int line, int column, string message)
    {
        using var file = new TempFile("c.json", json);

        var catalog = CriteriaCatalog.Load(file.Path, out var diagnostics);

        Assert.Null(catalog);
        var error = Assert.Single(diagnostics);
        Assert.Equal(("AGT0004", file.Path, line, column), (error.Code, error.File, error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_every_duplicate_with_the_first_line()
    {
        using var file = new TempFile("c.json", "{ \"criteria\": [\n{ \"id\": \"A\", \"text\": \"1\" },\n{ \"id\": \"A\", \"text\": \"2\" },\n{ \"id\": \"A\", \"text\": \"3\" } ] }");

        CriteriaCatalog.Load(file.Path, out var diagnostics);

        Assert.Equal([3, 4], diagnostics.Select(d => d.Line));
        Assert.All(diagnostics, d => Assert.Contains("'A' is defined twice (first at line 2)", d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Columns_count_characters_not_bytes()
    {
        using var file = new TempFile("c.json", "{ \"criteria\": [ { \"id\": \"Ä\", \"text\": \"é\", \"link\": 1 } ] }");

        CriteriaCatalog.Load(file.Path, out var diagnostics);

        Assert.Equal(51, Assert.Single(diagnostics).Column);
    }

    [Fact]
    public void Unknown_keys_warn_without_failing()
    {
        using var file = new TempFile("c.json", "{ \"criteria\": [ { \"id\": \"A\", \"text\": \"t\", \"txet\": \"x\" } ], \"version\": 2 }");

        var catalog = CriteriaCatalog.Load(file.Path, out var diagnostics);

        Assert.NotNull(catalog);
        Assert.Equal([("AGT0008", 1, 43), ("AGT0008", 1, 60)], diagnostics.Select(d => (d.Code, d.Line, d.Column)).Order());
    }

    [Fact]
    public void A_byte_order_mark_is_accepted()
    {
        using var file = new TempFile("c.json", "\uFEFF{ \"criteria\": [] }");

        Assert.NotNull(CriteriaCatalog.Load(file.Path, out var diagnostics));
        Assert.Empty(diagnostics);
    }
}
