using Microsoft.Testing.Platform.Extensions.OutputDevice;
using Microsoft.Testing.Platform.OutputDevice;

namespace AgentTestGuard.TestingPlatform.Record;

/// <summary>
/// Run records still being written. The gate starts a record when the session finishes and lets
/// the platform go on with its own end of the run (its summary, its reports) while the record is
/// written on another core; <see cref="FinishAsync"/> waits for them before the test app exits
/// (<see cref="Session.RecordCompletion"/>), or before the session ends in a server.
/// </summary>
internal sealed class PendingRecords
{
    // A class, not a tuple: a list of a reference type runs the framework's precompiled code.
    private readonly List<PendingRecord> _pending = [];

    private sealed record PendingRecord(string Path, Task Writing);

    public void Add(string path, Task writing)
    {
        lock (_pending)
        {
            _pending.Add(new PendingRecord(path, writing));
        }
    }

    /// <summary>Waits for every record started so far, and shows an error for each one that could not be written.</summary>
    public async Task FinishAsync(IOutputDevice output, IOutputDeviceDataProducer producer)
    {
        foreach (var failure in await WaitAsync().ConfigureAwait(false))
        {
            // Not cancellable: a record is a few tens of milliseconds from done, and a cancelled run is recorded too.
            await output.DisplayAsync(producer, new ErrorMessageOutputDeviceData(failure), CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for every record started so far.</summary>
    /// <returns>One message per record that could not be written, naming its path and the reason.</returns>
    public async Task<IReadOnlyList<string>> WaitAsync()
    {
        PendingRecord[] pending;
        lock (_pending)
        {
            pending = [.. _pending];
            _pending.Clear();
        }

        var failures = new List<string>();
        foreach (var (path, writing) in pending)
        {
            try
            {
                await writing.ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                failures.Add($"AgentTestGuard: the run record could not be written to {Inert.Quote(path)}: {Inert.Quote(exception.Message)}");
            }
        }

        return failures;
    }
}
