using System.Diagnostics.CodeAnalysis;
using AgentTestGuard.TestingPlatform.Platform;
using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Configurations;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Services;
using Microsoft.Testing.Platform.TestHost;
using Xunit;

namespace AgentTestGuard.TestingPlatform.Tests.Platform;

public sealed class QuarantineGateTests
{
    [Fact]
    public void The_platform_this_package_needs_hands_results_to_the_gate_inline()
    {
        var gate = QuarantineGate.Create(new GateServices(), new RunState(inventoryPath: null));

#pragma warning disable TPEXP // The interface the factory looks up by name.
        Assert.True(QuarantineGate.PlatformHasInlineDelivery);
        Assert.IsAssignableFrom<IBlockingDataConsumer>(gate);
#pragma warning restore TPEXP
        Assert.Equal(["Microsoft.Testing.Platform.Extensions.Messages.TestNodeUpdateMessage"], gate.DataTypesConsumed.Select(t => t.FullName));
    }

    [Fact]
    public async Task The_session_is_concluded_once_whether_the_record_start_or_the_gate_asks_first()
    {
        var results = Directory.CreateTempSubdirectory("agt-gate-");
        try
        {
            var state = new RunState(inventoryPath: null);
            var gate = QuarantineGate.Create(new GateServices(results.FullName), state);
            var first = new Session("session-1");

            // As the platform ends a session: the record start (it consumes no data) before the gate.
            await new RecordStart(() => gate).OnTestSessionFinishingAsync(first);

            // The record start alone concluded the session: its record is written before the gate asks.
            Assert.Empty(await state.Records.WaitAsync());
            var written = Assert.Single(results.GetFiles());
            var concluded = gate.Conclude(first);
            var again = gate.Conclude(first);
            Assert.Equal(written.FullName, concluded?.RecordPath);
            Assert.Empty(await state.Records.WaitAsync());
            Assert.Single(results.GetFiles());
            var next = gate.Conclude(new Session("session-2"));

            Assert.NotNull(concluded);
            Assert.Same(concluded, again);
            Assert.NotNull(next);
            Assert.NotSame(concluded, next);
            Assert.Equal("session-2", next.Session);
            Assert.Empty(await state.Records.WaitAsync());
            Assert.True(File.Exists(concluded.RecordPath));
            Assert.Equal(results.FullName, Path.GetDirectoryName(concluded.RecordPath));
        }
        finally
        {
            results.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_record_start_before_the_platform_made_the_gate_does_nothing()
    {
        var started = new RecordStart(() => null).OnTestSessionFinishingAsync(new Session("session-1"));

        Assert.True(started.IsCompletedSuccessfully);
        await started;
    }

    [Fact]
    public async Task A_record_start_that_cannot_conclude_leaves_the_failure_to_the_gate_after_the_other_extensions()
    {
        // No results directory: the platform's configuration throws when asked for it.
        var gate = QuarantineGate.Create(new GateServices(), new RunState(inventoryPath: null));
        var session = new Session("session-1");

        var started = new RecordStart(() => gate).OnTestSessionFinishingAsync(session);

        Assert.True(started.IsCompletedSuccessfully);
        await started;
        Assert.ThrowsAny<Exception>(() => gate.Conclude(session));
    }

    private sealed class Session(string uid) : ITestSessionContext
    {
        public SessionUid SessionUid { get; } = new(uid);

        public CancellationToken CancellationToken => CancellationToken.None;
    }

    /// <summary>The services the gate asks for: the command line (no option set) and the results directory.</summary>
    private sealed class GateServices(string? resultsDirectory = null) : IServiceProvider, ICommandLineOptions, IConfiguration
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(ICommandLineOptions) || serviceType == typeof(IConfiguration) ? this : null;

        public string? this[string key] => key == "platformOptions:resultDirectory" ? resultsDirectory : null;

        public bool IsOptionSet(string optionName) => false;

        public bool TryGetOptionArgumentList(string optionName, [NotNullWhen(true)] out string[]? arguments)
        {
            arguments = null;
            return false;
        }
    }
}
