using Microsoft.Testing.Platform.Extensions.TestHost;
using Microsoft.Testing.Platform.Services;

namespace AgentTestGuard.TestingPlatform.Session;

/// <summary>
/// Starts the end of the session's work (<see cref="QuarantineGate.ConcludeAsync"/>: the verdict and
/// the run record) before any data consumer's end-of-session work. The platform tells the session
/// handlers that consume no data first, then the consumers in the order they were registered; the
/// gate is a consumer, and the TRX report, registered before it, writes its report there. Started
/// only after that, the record kept the test host waiting at exit; started here, it is written on
/// another core meanwhile.
/// </summary>
/// <param name="gate">The gate, once the platform has made it: the platform may make this handler before the gate.</param>
internal sealed class RecordStart(Func<QuarantineGate?> gate) : ITestSessionLifetimeHandler
{
    public string Uid => $"{ExtensionIdentity.Prefix}.RecordStart";

    public string Version => ExtensionIdentity.Version;

    public string DisplayName => "AgentTestGuard run record start";

    public string Description => "Starts the run record when the session ends, before other extensions write their reports.";

    public Task<bool> IsEnabledAsync() => Task.FromResult(true);

    public Task OnTestSessionStartingAsync(ITestSessionContext testSessionContext) => Task.CompletedTask;

    /// <remarks>
    /// Never throws: the platform stops ending the session at the first handler that throws, and
    /// this one runs before the other extensions' reports are written. Should concluding fail here,
    /// the gate concludes again at its own end of the session and fails there, after them, as it
    /// did before this handler existed.
    /// </remarks>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031", Justification = "See remarks: the gate reports the failure at its own end.")]
    public Task OnTestSessionFinishingAsync(ITestSessionContext testSessionContext)
    {
        try
        {
            // Not awaited: reruns, when there are any, go on while the other extensions end the session.
            _ = gate()?.ConcludeAsync(testSessionContext);
        }
        catch (Exception)
        {
            // Concluded again, and reported, by the gate (see remarks).
        }

        return Task.CompletedTask;
    }
}
