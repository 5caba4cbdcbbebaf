using AgentTestGuard.InventoryFormat;
using AgentTestGuard.TestingPlatform.Classification;
using AgentTestGuard.TestingPlatform.Results;
using AgentTestGuard.TestingPlatform.Session;
using AgentTestGuard.TestingPlatform.Settings;

namespace AgentTestGuard.TestingPlatform.Reruns;

/// <summary>
/// Early flake detection's part in the end of a session (<see cref="QuarantineGate.ConcludeAsync"/>):
/// the session's conclusion once the reruns are done.
/// </summary>
internal static class SessionReruns
{
    /// <summary>
    /// Runs the reruns on another thread, then concludes with <paramref name="finish"/>, given the results
    /// with their reruns and the run-level report (null when no test qualified after all).
    /// </summary>
    /// <param name="sessionStarted">When this process started its session: the first estimate of a rerun's start-up is the time before it.</param>
    public static Task<SessionEnd?> ConcludeAsync(
        IReadOnlyList<TestResult> results,
        RerunSettings reruns,
        InventoryDocument inventory,
        DateTimeOffset sessionStarted,
        Func<IReadOnlyList<TestResult>, RerunReport?, SessionEnd> finish,
        CancellationToken cancellationToken)
    {
        var startUp = StartUpTime(sessionStarted);
        return Task.Run(async () =>
        {
            // A rejected test is decided already: nothing to learn from running it again.
            var rejection = RejectionLog.Read(inventory);
            var (withReruns, report) = await FlakeDetection.RunAsync(
                results, reruns, test => rejection(test) is not null, startUp, cancellationToken).ConfigureAwait(false);
            return (SessionEnd?)finish(withReruns, report);
        });
    }

    private static TimeSpan StartUpTime(DateTimeOffset sessionStarted)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            var took = sessionStarted - new DateTimeOffset(process.StartTime);
            return took > TimeSpan.Zero ? took : TimeSpan.Zero;
        }
        catch (Exception e) when (e is InvalidOperationException or PlatformNotSupportedException or System.ComponentModel.Win32Exception)
        {
            return TimeSpan.FromSeconds(2);
        }
    }
}
