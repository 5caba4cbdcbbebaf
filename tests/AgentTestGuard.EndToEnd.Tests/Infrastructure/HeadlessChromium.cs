using System.Diagnostics;
using AgentTestGuard.Tool.Tests.Report.Html.Browser;

namespace AgentTestGuard.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Pictures a page with the machine's Chromium, by its own command line (the end-to-end tests need
/// no browser driver for one screenshot). The profile is a fresh temp folder, shared with nothing.
/// </summary>
internal static class HeadlessChromium
{
    public static async Task ScreenshotAsync(string page, string picture, int width, int height)
    {
        var profile = Directory.CreateTempSubdirectory("agt-chromium-").FullName;
        var start = new ProcessStartInfo(ChromiumLocation.Find())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", $"--user-data-dir={profile}",
            $"--window-size={width},{height}", $"--screenshot={picture}", new Uri(page).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0 && File.Exists(picture), $"Chromium could not picture {page}:\n{await output}\n{await errors}");
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
