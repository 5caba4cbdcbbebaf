using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace AgentTestGuard.TestingPlatform.Environments;

/// <summary>
/// Starts the test app again to list every test's node uid with its method identity. Node uids are
/// framework-specific and known only after discovery. Used only where unreviewed agent tests must
/// not execute, so ordinary runs never pay for it.
/// </summary>
/// <remarks>
/// The listing is the platform's `--list-tests json`, except for xunit v3: its generated entry point
/// starts the platform only under `dotnet test` (`--server`) or with UseMicrosoftTestingPlatformRunner,
/// and otherwise its own console runner, which refuses the platform's options. Its `-list full/json`
/// works either way and gives the same ids: xunit's test case ids are the platform's node uids.
/// </remarks>
internal static class DiscoveryChild
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <returns>(uid, test id) of every test, or null with a reason when discovery failed.</returns>
    public static async Task<(IReadOnlyList<(string Uid, string TestId)>? Listing, string? Problem)> ListAsync(CancellationToken cancellationToken)
    {
        var assembly = Assembly.GetEntryAssembly()?.Location;
        var host = Environment.ProcessPath;
        if (string.IsNullOrEmpty(assembly) || string.IsNullOrEmpty(host))
        {
            return (null, "the test app's location is unknown");
        }

        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };

        // "dotnet X.dll" or the app host itself.
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(assembly);
        }

        var xunit = UsesXunitConsoleRunner();
        foreach (var argument in xunit ? XunitListing : PlatformListing)
        {
            start.ArgumentList.Add(argument);
        }

        // The child is a plain console run: not part of dotnet test's or a controller's protocol.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("TESTINGPLATFORM_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        try
        {
            using var child = Process.Start(start)!;
            child.StandardInput.Close();
            var output = child.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = child.StandardError.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            try
            {
                await child.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                child.Kill(entireProcessTree: true);
                return (null, "listing the tests did not finish");
            }

            await Task.WhenAll(output, error).ConfigureAwait(false);
            if (child.ExitCode != 0)
            {
                return (null, $"listing the tests failed with exit code {child.ExitCode}");
            }

            var text = await output.ConfigureAwait(false);
            return xunit ? ParseXunit(text) : Parse(text);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return (null, $"listing the tests failed: {e.Message}");
        }
    }

    private static readonly string[] PlatformListing = ["--list-tests", "json"];

    // "-automated" also sends an app built with UseMicrosoftTestingPlatformRunner to xunit's own runner.
    private static readonly string[] XunitListing = ["-automated", "-list", "full/json"];

    private static bool UsesXunitConsoleRunner() =>
        Assembly.GetEntryAssembly()?.GetReferencedAssemblies().Any(name => name.Name == "xunit.v3.runner.inproc.console") == true;

    /// <summary>Reads xunit's listing: [ { "ID", "Class", "Method" } ], the class by its full name.</summary>
    internal static (IReadOnlyList<(string Uid, string TestId)>? Listing, string? Problem) ParseXunit(string output) =>
        Read(output, '[', root => root, test =>
            (test.GetProperty("ID").GetString()!, test.GetProperty("Class").GetString() + "." + test.GetProperty("Method").GetString()));

    /// <summary>Reads the platform's listing: { "tests": [ { "uid", "type": { "namespace", "typeName", "methodName" } } ] }.</summary>
    internal static (IReadOnlyList<(string Uid, string TestId)>? Listing, string? Problem) Parse(string output) =>
        Read(output, '{', root => root.GetProperty("tests"), test =>
            (test.GetProperty("uid").GetString()!,
             test.TryGetProperty("type", out var type)
                ? Classification.TestClassifier.TestId(
                    type.GetProperty("namespace").GetString(), type.GetProperty("typeName").GetString()!, type.GetProperty("methodName").GetString()!)
                : test.GetProperty("displayName").GetString()!));

    /// <param name="opening">The listing's first character: what the app printed before it is skipped.</param>
    /// <param name="tests">The array of tests in the listing.</param>
    private static (IReadOnlyList<(string Uid, string TestId)>? Listing, string? Problem) Read(
        string output, char opening, Func<JsonElement, JsonElement> tests, Func<JsonElement, (string Uid, string TestId)> entry)
    {
        var start = output.IndexOf(opening, StringComparison.Ordinal);
        if (start < 0)
        {
            return (null, "the test listing was empty");
        }

        try
        {
            using var document = JsonDocument.Parse(output.AsMemory(start));
            return ([.. tests(document.RootElement).EnumerateArray().Select(entry)], null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (null, $"the test listing could not be read: {e.Message}");
        }
    }
}
