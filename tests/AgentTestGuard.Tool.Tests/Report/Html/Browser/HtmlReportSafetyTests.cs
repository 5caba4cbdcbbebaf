using Microsoft.Playwright;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Report.Html.Browser;

/// <summary>
/// What an agent wrote cannot run in the reviewer's browser, the page reaches nothing outside the
/// file, and the copy buttons copy the exact commands.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class HtmlReportSafetyTests(BrowserFixture browser) : IDisposable
{
    // Runs before the page's own script: any alert, dialog or policy violation is counted.
    private const string Watch = """
        window.__alerts = 0;
        window.alert = () => { window.__alerts++; };
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
        """;

    private readonly ReportPageFile report = new(SampleReports.Typical());

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_hostile_test_name_and_failure_message_show_as_text_and_no_script_runs(bool bypassThePolicy)
    {
        // With the policy bypassed, the escaping alone must keep the page inert.
        await using var context = await browser.Browser.NewContextAsync(new() { BypassCSP = bypassThePolicy });
        await context.AddInitScriptAsync(Watch);
        var dialogs = 0;
        context.Page += (_, page) => page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        var page = await report.OpenAsync(context);

        var hostile = page.Locator("section[data-state='unapproved'] article").Nth(1);
        Assert.Equal(SampleReports.HostileId, await hostile.GetAttributeAsync("data-test-id"));
        Assert.Equal("<script>alert(1)</script>|*x*_%0A::error::pwn", await hostile.Locator(".name").TextContentAsync());
        // Line breaks kept (\r\n as \n), the terminal escape shown as text, never sent as one.
        Assert.Equal(
            "Expected 1\n::error::injected\n##vso[task.complete result=Succeeded]\\u001B[31mred | `code` <b>",
            await hostile.Locator("pre.failure").TextContentAsync());
        Assert.Contains("model <img src=x onerror=alert(1)>", await hostile.Locator("dl").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#tests script, #tests img, #tests b, #agent-metrics img").CountAsync());
        Assert.Equal(2, await page.Locator("script").CountAsync());

        Assert.Equal(0, await page.EvaluateAsync<int>("window.__alerts"));
        Assert.Equal(0, dialogs);
        Assert.Empty(await page.EvaluateAsync<string[]>("window.__violations"));
    }

    [Fact]
    public async Task The_page_makes_no_request_and_its_policy_blocks_any_attempt()
    {
        await using var context = await browser.Browser.NewContextAsync();
        await context.AddInitScriptAsync(Watch);
        var requests = new List<string>();
        var errors = new List<string>();
        context.Request += (_, request) => requests.Add(request.Url);
        context.Page += (_, page) =>
        {
            page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
            page.PageError += (_, error) => errors.Add(error);
        };
        var page = await report.OpenAsync(context);

        // Use the page as a reviewer does: filter, sort, open every test, copy a command.
        await page.FillAsync("#filter-text", "cart");
        await page.SelectOptionAsync("#sort", "flaky");
        await page.FillAsync("#filter-text", "");
        foreach (var summary in await page.Locator("section[data-state='approved'] summary").AllAsync())
        {
            await summary.ClickAsync();
        }

        await page.Locator("button.copy").First.ClickAsync();
        Assert.Equal([report.Url], requests);
        Assert.Empty(errors);
        Assert.Empty(await page.EvaluateAsync<string[]>("window.__violations"));

        // Even code running in the page cannot reach the network or inject markup.
        Assert.Equal("blocked", await page.EvaluateAsync<string>("fetch('http://127.0.0.1:9/x').then(() => 'fetched', () => 'blocked')"));
        Assert.Equal("blocked", await page.EvaluateAsync<string>("(() => { try { document.body.innerHTML = '<b>x</b>'; return 'injected'; } catch { return 'blocked'; } })()"));
        Assert.Contains(await page.EvaluateAsync<string[]>("window.__violations"), v => v.StartsWith("connect-src", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_copy_button_copies_the_exact_command()
    {
        await using var context = await browser.Browser.NewContextAsync();
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = await report.OpenAsync(context);
        var hostile = SampleReports.Typical().Tests.Single(t => t.Id == SampleReports.HostileId);
        var stale = SampleReports.Typical().Tests.Single(t => t.Id == "Shop.Tests.TaxTests.Region_tax_applies");

        var article = page.Locator("section[data-state='unapproved'] article").Nth(1);
        await article.Locator(".command button").Nth(0).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(article.Locator(".command button").Nth(0)).ToHaveTextAsync("Copied");
        Assert.Equal(hostile.ApproveCommand, await Clipboard(page));
        Assert.Equal(hostile.ApproveCommand, await article.Locator(".command code").Nth(0).TextContentAsync());

        var reject = page.Locator("section[data-state='stale'] .command button").Nth(1);
        await reject.ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(reject).ToHaveTextAsync("Copied");
        Assert.Equal(stale.RejectCommand, await Clipboard(page));
    }

    public void Dispose() => report.Dispose();

    private static Task<string> Clipboard(IPage page) => page.EvaluateAsync<string>("navigator.clipboard.readText()");
}
