using Xunit;

namespace AgentTestGuard.Tool.Tests.Report.Html.Browser;

/// <summary>
/// A picture of the sample report (every state, hostile names and messages, history) as the
/// reviewer sees it, kept as the test's artefact: attached, and in the test output folder's
/// TestResults. (The samples' real report is pictured by the end-to-end SampleTests.)
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class HtmlReportScreenshotTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_report_is_saved_as_a_screenshot()
    {
        using var report = new ReportPageFile(SampleReports.Typical());
        await using var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await report.OpenAsync(context);

        var picture = await page.ScreenshotAsync(new() { FullPage = true });

        Assert.Equal([0x89, 0x50, 0x4E, 0x47], picture[..4]);
        var artefact = Path.Combine(AppContext.BaseDirectory, "TestResults", "html-report.png");
        Directory.CreateDirectory(Path.GetDirectoryName(artefact)!);
        await File.WriteAllBytesAsync(artefact, picture, TestContext.Current.CancellationToken);
        TestContext.Current.AddAttachment("html-report.png", picture, "image/png");
    }
}
