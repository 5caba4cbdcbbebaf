using AgentTestGuard.TestingPlatform.Record;
using Microsoft.Testing.Platform.Extensions.TestHost;
using Microsoft.Testing.Platform.Extensions.OutputDevice;
using Microsoft.Testing.Platform.Services;

namespace AgentTestGuard.TestingPlatform.Session;

/// <summary>
/// Keeps the test app from exiting before its run records are written (<see cref="PendingRecords"/>),
/// and says so, with the path and the reason, where one could not be written. The platform calls it
/// after its own end of the run, once per test app.
/// </summary>
internal sealed class RecordCompletion(IServiceProvider services, PendingRecords records)
    : ITestHostApplicationLifetime, IOutputDeviceDataProducer
{
    public string Uid => $"{ExtensionIdentity.Prefix}.RecordCompletion";

    public string Version => ExtensionIdentity.Version;

    public string DisplayName => "AgentTestGuard run record";

    public string Description => "Waits for the run record to be written before the test app exits.";

    public Task<bool> IsEnabledAsync() => Task.FromResult(true);

    public Task BeforeRunAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task AfterRunAsync(int exitCode, CancellationToken cancellation) =>
        records.FinishAsync(services.GetOutputDevice(), this);
}
