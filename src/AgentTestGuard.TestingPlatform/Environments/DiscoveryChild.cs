using AgentTestGuard.Processes;
using AgentTestGuard.TestingPlatform.Environments.Listings;

namespace AgentTestGuard.TestingPlatform.Environments;

/// <summary>
/// Starts the test app again to list every test's node uid with its method identity. Node uids are
/// framework-specific and known only after discovery, and the platform takes from an extension no
/// filter but a list of them (docs/run-time.md). Used only where unreviewed agent tests must not
/// execute, so ordinary runs never pay for it. What differs per framework is an <see cref="ITestListing"/>.
/// </summary>
internal static class DiscoveryChild
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <returns>Every listed test, or null with a reason when discovery failed.</returns>
    public static async Task<(IReadOnlyList<ListedTest>? Tests, string? Problem)> ListAsync(CancellationToken cancellationToken)
    {
        if (TestApp.Current() is not { } app)
        {
            return (null, "the test app's location is unknown");
        }

        var listing = TestListings.For(app.Assembly);
        ChildProcessResult child;
        try
        {
            child = await ChildProcess.RunAsync(
                new ChildProcessStart { Program = app.Program, Arguments = [.. app.Arguments, .. listing.Arguments], RemovedVariables = TestApp.PlatformProtocolVariables, Timeout = Timeout },
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return (null, "listing the tests did not finish");
        }

        return child.End switch
        {
            ChildProcessEnd.NotStarted => (null, $"listing the tests failed: {child.Problem}"),
            ChildProcessEnd.TimedOut => (null, "listing the tests did not finish"),
            _ when child.ExitCode != 0 => (null, $"listing the tests failed with exit code {child.ExitCode}"),
            _ => listing.Parse(child.Output),
        };
    }
}
