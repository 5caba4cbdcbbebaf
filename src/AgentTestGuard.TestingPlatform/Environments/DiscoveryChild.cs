using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace AgentTestGuard.TestingPlatform.Environments;

/// <summary>
/// Starts the test app again with the platform's `--list-tests json`, which lists every test's
/// node uid with its method identity. Node uids are framework-specific and known only after
/// discovery. Used only where unreviewed agent tests must not execute, so ordinary runs never
/// pay for it.
/// </summary>
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

        start.ArgumentList.Add("--list-tests");
        start.ArgumentList.Add("json");

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
            return child.ExitCode == 0
                ? Parse(await output.ConfigureAwait(false))
                : (null, $"listing the tests failed with exit code {child.ExitCode}");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return (null, $"listing the tests failed: {e.Message}");
        }
    }

    /// <summary>Reads the platform's listing: { "tests": [ { "uid", "type": { "namespace", "typeName", "methodName" } } ] }.</summary>
    internal static (IReadOnlyList<(string Uid, string TestId)>? Listing, string? Problem) Parse(string output)
    {
        var start = output.IndexOf('{', StringComparison.Ordinal);
        if (start < 0)
        {
            return (null, "the test listing was empty");
        }

        try
        {
            using var document = JsonDocument.Parse(output.AsMemory(start));
            var listing = new List<(string, string)>();
            foreach (var test in document.RootElement.GetProperty("tests").EnumerateArray())
            {
                var uid = test.GetProperty("uid").GetString()!;
                var id = test.TryGetProperty("type", out var type)
                    ? Classification.TestClassifier.TestId(
                        type.GetProperty("namespace").GetString(), type.GetProperty("typeName").GetString()!, type.GetProperty("methodName").GetString()!)
                    : test.GetProperty("displayName").GetString()!;
                listing.Add((uid, id));
            }

            return (listing, null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (null, $"the test listing could not be read: {e.Message}");
        }
    }
}
