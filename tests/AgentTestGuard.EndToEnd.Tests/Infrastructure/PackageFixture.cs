using System.Globalization;

[assembly: AssemblyFixture(typeof(AgentTestGuard.EndToEnd.Tests.Infrastructure.PackageFixture))]

namespace AgentTestGuard.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Packs AgentTestGuard and its tool once per test run, with a version no earlier run used, into a feed
/// folder of the run's own. Every project a test creates restores from that feed into the
/// run's own packages folder, so no stale copy from the machine's cache is ever picked up.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    private static readonly string RunId =
        DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + Environment.ProcessId;

    public static string RunRoot { get; } = Path.Combine(Path.GetTempPath(), "agt-e2e", RunId);

    public static string Feed { get; } = Path.Combine(RunRoot, "feed");

    public static string PackagesFolder { get; } = Path.Combine(RunRoot, "packages");

    /// <summary>The machine's packages folder, offered to restore as a read-only fallback (no copying).</summary>
    public static string MachinePackagesFolder { get; } =
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    public static string Version { get; } = $"0.0.0-e2e.{RunId}";

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(PackagesFolder);

        // The test project's build has built the package and tool projects already (project
        // references): pack those outputs instead of building them again.
        foreach (var project in new[] { "AgentTestGuard", "AgentTestGuard.Tool" })
        {
            var result = await DotNet.RunAsync(BuildInfo.RepositoryRoot,
            [
                "pack", Path.Combine(BuildInfo.RepositoryRoot, "src", project, project + ".csproj"), "--no-build", "--no-restore",
                "-c", BuildInfo.Configuration, "-o", Feed, $"-p:PackageVersion={Version}", "-nodeReuse:false", "-tl:off",
            ]);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet pack {project} failed ({result.ExitCode}):\n{result.Output}");
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        // Kept on request, for the binlogs of a failure.
        if (Environment.GetEnvironmentVariable("AGT_KEEP_E2E") != "1")
        {
            try
            {
                Directory.Delete(RunRoot, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        return ValueTask.CompletedTask;
    }
}
