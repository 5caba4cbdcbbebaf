using Microsoft.Playwright;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Report.Html.Browser;

/// <summary>The HTML report as a QA reviewer uses it: opened from disk in a real headless Chromium.</summary>
[Collection(SharedBrowser.Name)]
public sealed class HtmlReportBrowserTests(BrowserFixture browser) : IDisposable
{
    private readonly ReportPageFile report = new(SampleReports.Typical());

    [Fact]
    public async Task Quarantined_tests_come_first_grouped_by_criterion_with_its_text_and_link()
    {
        await using var context = await browser.Browser.NewContextAsync();
        var page = await report.OpenAsync(context);

        Assert.Equal(["unapproved", "stale", "rejected", "approved"], await page.Locator("#tests > section").EvaluateAllAsync<string[]>("s => s.map(x => x.dataset.state)"));
        Assert.Equal(
            [
                "CART-12 " + "Shop.Tests.CartTests.Empty_cart_is_zero", "CART-12 " + SampleReports.HostileId, "SHOP-7 " + SampleReports.HostileId,
                "TAX-3 Shop.Tests.TaxTests.Region_tax_applies", "TAX-3 Shop.Tests.TaxTests.Negative_tax", "CART-12 Shop.Tests.CartTests.Adds_item",
            ],
            await page.Locator("#tests article").EvaluateAllAsync<string[]>(
                "a => a.map(x => x.closest('.criterion-group').querySelector('h4 > :first-child').textContent + ' ' + x.dataset.testId)"));

        var cart = page.Locator("section[data-state='unapproved'] .criterion-group").First.Locator("h4");
        Assert.Equal("CART-12An empty cart totals zero", await cart.TextContentAsync());
        Assert.Equal("https://tracker.example.com/browse/CART-12", await cart.Locator("a").GetAttributeAsync("href"));
        var tax = page.Locator("section[data-state='stale'] h4");
        Assert.Equal("TAX-3Tax <b>applies</b> per region | `rate`", await tax.TextContentAsync());
        Assert.Equal(0, await tax.Locator("a, b").CountAsync());
    }

    [Fact]
    public async Task Each_filter_narrows_the_list_in_the_page()
    {
        await using var context = await browser.Browser.NewContextAsync();
        var page = await report.OpenAsync(context);
        Assert.Equal("5 of 5 agent tests match.", await page.Locator("#shown").TextContentAsync());

        await page.FillAsync("#filter-text", "TaxTests");
        Assert.Equal(["Shop.Tests.TaxTests.Region_tax_applies", "Shop.Tests.TaxTests.Negative_tax"], await ShownTests(page));
        Assert.Equal("2 of 5 agent tests match.", await page.Locator("#shown").TextContentAsync());

        await page.FillAsync("#filter-text", "values differ");
        Assert.Equal(["Shop.Tests.CartTests.Empty_cart_is_zero"], await ShownTests(page));

        await page.FillAsync("#filter-text", "");
        await page.SelectOptionAsync("#filter-agent", "claude-code");
        Assert.Equal([SampleReports.HostileId, SampleReports.HostileId, "Shop.Tests.TaxTests.Negative_tax"], await ShownTests(page));

        await page.SelectOptionAsync("#filter-agent", "");
        await page.SelectOptionAsync("#filter-state", "stale");
        Assert.Equal(["Shop.Tests.TaxTests.Region_tax_applies"], await ShownTests(page));

        await page.SelectOptionAsync("#filter-state", "quarantined");
        await page.SelectOptionAsync("#filter-criterion", "SHOP-7");
        Assert.Equal([SampleReports.HostileId], await ShownTests(page));

        await page.FillAsync("#filter-text", "nothing matches this");
        Assert.Empty(await ShownTests(page));
        Assert.Equal("0 of 5 agent tests match.", await page.Locator("#shown").TextContentAsync());
    }

    [Fact]
    public async Task The_sort_orders_each_group_without_a_server()
    {
        await using var context = await browser.Browser.NewContextAsync();
        var page = await report.OpenAsync(context);

        await page.SelectOptionAsync("#filter-criterion", "TAX-3");
        Assert.Equal(["Shop.Tests.TaxTests.Region_tax_applies", "Shop.Tests.TaxTests.Negative_tax"], await ShownTests(page));
        await page.SelectOptionAsync("#filter-state", "quarantined");
        await page.SelectOptionAsync("#filter-criterion", "CART-12");
        await page.SelectOptionAsync("#sort", "name");
        Assert.Equal(["Shop.Tests.CartTests.Empty_cart_is_zero", SampleReports.HostileId], await ShownTests(page));
        await page.SelectOptionAsync("#sort", "age");
        Assert.Equal(["Shop.Tests.CartTests.Empty_cart_is_zero", SampleReports.HostileId], await ShownTests(page));
        await page.SelectOptionAsync("#sort", "flaky");
        Assert.Equal([SampleReports.HostileId, "Shop.Tests.CartTests.Empty_cart_is_zero"], await ShownTests(page));
    }

    [Fact]
    public async Task Without_history_the_page_says_so_instead_of_showing_figures()
    {
        using var withoutHistory = new ReportPageFile(SampleReports.WithoutHistory());
        await using var context = await browser.Browser.NewContextAsync();
        var errors = new List<string>();
        context.Page += (_, page) => page.PageError += (_, error) => errors.Add(error);
        var page = await withoutHistory.OpenAsync(context);

        Assert.Equal("no history yet (dotnet agt history import)", await page.Locator("#history").TextContentAsync());
        Assert.Equal("claude-code: no history yet copilot: no history yet", (await page.Locator("#stop-rules").TextContentAsync())!.Trim());
        var facts = await page.Locator("article[data-test-id='Shop.Tests.CartTests.Empty_cart_is_zero'] dl").TextContentAsync();
        Assert.Contains("2 of its last 3 runs failed · 2 attempts in the latest run", facts, StringComparison.Ordinal);
        Assert.Contains("flakiness: no history yet", facts, StringComparison.Ordinal);
        Assert.Contains("Historyno history yet", facts, StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    public void Dispose() => report.Dispose();

    internal static Task<string[]> ShownTests(IPage page) =>
        page.Locator("#tests article").EvaluateAllAsync<string[]>("a => a.map(x => x.dataset.testId)");
}
