using AgentTestGuard.TestingPlatform.Classification;
using AgentTestGuard.TestingPlatform.Environments;
using AgentTestGuard.TestingPlatform.ExitCode;
using AgentTestGuard.TestingPlatform.Session;
using AgentTestGuard.TestingPlatform.Settings;
using Microsoft.Testing.Platform.Builder;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Helpers;

namespace AgentTestGuard.TestingPlatform;

/// <summary>
/// Registers AgentTestGuard in a test app. Called by the code the platform's MSBuild integration
/// generates for every TestingPlatformBuilderHook item; the package's targets add ours, so users
/// write no code.
/// </summary>
public static class TestingPlatformBuilderHook
{
    public static void AddExtensions(ITestApplicationBuilder builder, string[] args)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(args);

        // Where the platform may run the tests in a child test host (the TRX report, say), this
        // process may be its controller, which runs no test: the read waits until a test host's
        // extension is made. The child itself (same arguments, plus the platform's own) reads at once,
        // and registers no relay: it never controls a child, and registering costs its start-up time.
        var isControlledChild = ControlledTestHost.IsChild(args);
        var relayMayBeNeeded = !isControlledChild && TestHostRelay.MayBeNeeded(args);
        var state = new RunState(InventoryLocator.PathForEntryAssembly(), readNow: !relayMayBeNeeded)
        {
            IsControlledChild = isControlledChild,
        };

        builder.CommandLine.AddProvider(() => new CommandLineOptions());

        // One object is both consumer and session handler, so it sees every result before it decides.
        // RecordStart, registered first and consuming no data, has it decide before other consumers end.
        QuarantineGate? made = null;
        var gate = new CompositeExtensionFactory<QuarantineGate>(services =>
        {
            state.StartReading();
            return made = QuarantineGate.Create(services, state, SessionSystem.Process);
        });
        builder.TestHost.AddTestSessionLifetimeHandler(_ => new RecordStart(() => made));
        builder.TestHost.AddDataConsumer(gate);
        builder.TestHost.AddTestSessionLifetimeHandler(gate);
        builder.TestHost.AddTestHostApplicationLifetime(services => new RecordCompletion(services, state.Records));

#pragma warning disable TPEXP // See UnreviewedTestFilter.
        builder.AddTestExecutionFilterProvider(services => new UnreviewedTestFilter(services, state));
#pragma warning restore TPEXP

        if (relayMayBeNeeded)
        {
            var relay = new CompositeExtensionFactory<TestHostRelay>(services => new TestHostRelay(services));
            builder.TestHostControllers.AddEnvironmentVariableProvider(relay);
            builder.TestHostControllers.AddProcessLifetimeHandler(relay);
        }
    }
}
