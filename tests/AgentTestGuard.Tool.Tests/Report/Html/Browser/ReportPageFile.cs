using AgentTestGuard.Tool.Report.Html;
using AgentTestGuard.Tool.Report.Model;
using Microsoft.Playwright;

namespace AgentTestGuard.Tool.Tests.Report.Html.Browser;

/// <summary>A rendered report on disk, as a reviewer opens it (file://), in a temp folder deleted with it.</summary>
internal sealed class ReportPageFile : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("agt-html-").FullName;

    public ReportPageFile(QuarantineReport report)
    {
        Path = System.IO.Path.Combine(folder, "agenttestguard-report.html");
        File.WriteAllText(Path, HtmlReportRenderer.Render(report));
    }

    public string Path { get; }

    public string Url => new Uri(Path).AbsoluteUri;

    public long Size => new FileInfo(Path).Length;

    /// <summary>Opens the report in a fresh context and waits until its script has drawn the list once.</summary>
    public async Task<IPage> OpenAsync(IBrowserContext context) => await OpenAsync(await context.NewPageAsync());

    /// <summary>Opens the report in a page already made and waits until its script has drawn the list once.</summary>
    public async Task<IPage> OpenAsync(IPage page)
    {
        await page.GotoAsync(Url);
        await WaitForRendersAsync(page, 1);
        return page;
    }

    /// <summary>Waits until the script has drawn the list at least <paramref name="count"/> times.</summary>
    /// <remarks>
    /// At least, not exactly: a selector for one value can miss it when the next drawing follows
    /// before Playwright looks, and then waits out its timeout (the scale test did, under load).
    /// </remarks>
    public static async Task WaitForRendersAsync(IPage page, int count) =>
        await page.WaitForFunctionAsync("n => Number(document.documentElement.dataset.renders ?? 0) >= n", count);

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
