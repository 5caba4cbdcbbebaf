using AgentTestGuard.Approvals;
using AgentTestGuard.EndToEnd.Tests.Infrastructure;
using AgentTestGuard.EndToEnd.Tests.Tool;
using AgentTestGuard.InventoryFormat;

namespace AgentTestGuard.EndToEnd.Tests.Build;

/// <summary>The samples the README points to build, pass and inventory their agent tests.</summary>
public sealed class SampleTests
{
    [Fact]
    public async Task The_samples_build_and_pass_with_the_packed_package()
    {
        var root = Path.Combine(PackageFixture.RunRoot, "samples");
        CopyDirectory(Path.Combine(BuildInfo.RepositoryRoot, "samples"), root);
        File.WriteAllText(Path.Combine(root, "global.json"), """{ "test": { "runner": "Microsoft.Testing.Platform" } }""");
        File.WriteAllText(Path.Combine(root, "NuGet.Config"), $"""
            <configuration>
              <packageSources><add key="agenttestguard-e2e" value="{PackageFixture.Feed}" /></packageSources>
            </configuration>
            """);

        // dotnet test in the platform's mode passes switches it does not know to the test apps, so
        // none of MSBuild's are given here; the environment already turns node reuse off.
        var result = await DotNet.RunAsync(root,
        [
            "test", "--solution", "Samples.sln", $"-p:AgentTestGuardVersion={PackageFixture.Version}",
            $"-p:RestorePackagesPath={PackageFixture.PackagesFolder}",
        ]);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.DoesNotContain("AGT0", result.Output, StringComparison.Ordinal);
        var xunit = Inventory(root, "Shop.XunitTests");
        Assert.Equal(5, xunit.Tests.Count);
        Assert.Equal(2, Inventory(root, "Shop.MSTestTests").Tests.Count);

        // The committed approval was made on another machine, in another folder: it still holds.
        Assert.Equal(
            ["Shop.XunitTests.CartTests.Total_includes_the_regions_tax"],
            xunit.Tests.Where(t => t.Approval?.State == ApprovalState.Approved).Select(t => t.Id));

        await The_samples_HTML_report_is_written_and_pictured(root);
    }

    /// <summary>`dotnet agt report --html` over the samples' run: the page, and a picture of it, are the run's artefacts.</summary>
    private static async Task The_samples_HTML_report_is_written_and_pictured(string root)
    {
        await ToolTests.InstallToolAsync(root);
        var html = Path.Combine(root, "agenttestguard-report.html");
        var report = await DotNet.RunAsync(root, ["agt", "report", "--html", html]);

        Assert.True(report.ExitCode == 0, report.Output);
        var page = File.ReadAllText(html);
        Assert.Contains("<dd id=\"owner\">Dana Lee &lt;dana.lee@example.com&gt;</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<li class=\"count count-unapproved\" data-count=\"unapproved\"><b>6</b> unapproved</li>", page, StringComparison.Ordinal);
        Assert.Contains("[\"Shop.XunitTests.CartTests.Total_includes_the_regions_tax\",", page, StringComparison.Ordinal);

        var artefacts = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(artefacts);
        var picture = Path.Combine(artefacts, "samples-report.png");
        await HeadlessChromium.ScreenshotAsync(html, picture, width: 1280, height: 1700);
        File.Copy(html, Path.Combine(artefacts, "samples-report.html"), overwrite: true);
        TestContext.Current.AddAttachment("samples-report.png", File.ReadAllBytes(picture), "image/png");
    }

    private static InventoryDocument Inventory(string root, string project) =>
        InventoryFile.Read(Path.Combine(root, project, "bin", "Debug", "net10.0", project + InventoryDocument.FileSuffix));

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }
    }
}
