namespace AgentTestGuard.Tool.Tests.Report.Html.Browser;

/// <summary>
/// The machine's own Chromium, which the browser tests launch by path: Playwright's downloaded
/// browsers are never used (CI has no network but the package registries; .ci/run installs
/// Debian's chromium package). A missing browser fails the tests with how to install it.
/// </summary>
internal static class ChromiumLocation
{
    /// <summary>Overrides the search, e.g. for a Chromium or Chrome installed elsewhere.</summary>
    public const string Variable = "AGENTTESTGUARD_CHROMIUM";

    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    public static string Find()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"{Variable} names {configured}, which does not exist.");
        }

        return Candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"No Chromium found (looked for {string.Join(", ", Candidates)}). The HTML report's browser tests need one: "
                + $"install Debian's package (apt-get install chromium; .ci/run does this in CI) or set {Variable} to a Chromium executable.");
    }
}
