using Xunit;

namespace AgentTestGuard.Tool.Tests.Report.Html.Browser;

/// <summary>
/// A picture of the report as the reviewer sees it, kept as the test's artefact (attached, and in
/// the test output folder). With AGENTTESTGUARD_UPDATE_DOCS_IMAGES=1 it also replaces the README's
/// picture, docs/images/html-report.png.
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
        if (Environment.GetEnvironmentVariable("AGENTTESTGUARD_UPDATE_DOCS_IMAGES") == "1")
        {
            await File.WriteAllBytesAsync(Path.Combine(RepositoryRoot(), "docs", "images", "html-report.png"), picture, TestContext.Current.CancellationToken);
        }
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "AgentTestGuard.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository's root (AgentTestGuard.sln) is not above the test's folder.");
    }
}
