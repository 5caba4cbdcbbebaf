using Microsoft.Playwright;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Report.Html.Browser;

/// <summary>
/// One headless Chromium for all browser tests (starting it costs seconds on a loaded machine);
/// each test opens its own context, so pages share no state, permissions or storage.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser has not started.");

    public async ValueTask InitializeAsync()
    {
        var executable = ChromiumLocation.Find();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
    }
}

/// <summary>The browser tests run one after another in one browser: the machine has two cores.</summary>
[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
