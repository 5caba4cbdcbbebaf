using AgentTestGuard.TestingPlatform.Classification;
using AgentTestGuard.TestingPlatform.Environments;
using AgentTestGuard.TestingPlatform.ExitCode;
using AgentTestGuard.TestingPlatform.Session;
using AgentTestGuard.TestingPlatform.Settings;
using Microsoft.Testing.Platform.Builder;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Helpers;

namespace AgentTestGuard.TestingPlatform;

/// <summary>Adds AgentTestGuard to a Microsoft.Testing.Platform test app.</summary>
public static class AgentTestGuardExtensions
{
    /// <summary>
    /// Adds AgentTestGuard to the test app: its command-line options (<c>--agt-enforce</c>,
    /// <c>--agt-environment</c>, <c>--agt-relay</c>), the quarantine of unapproved agent tests, enforce
    /// mode, the summary and the run record. The package's generated hook
    /// (<see cref="TestingPlatformBuilderHook"/>) calls it; a test app that builds its own entry point
    /// (<c>GenerateTestingPlatformEntryPoint</c> false) calls it itself, once, after
    /// <c>TestApplication.CreateBuilderAsync(args)</c> and before <c>BuildAsync</c>.
    /// </summary>
    /// <param name="builder">The test app's builder.</param>
    /// <remarks>
    /// The agent tests are those of the inventory the build wrote beside the entry assembly. The
    /// process's own command line is read (the builder does not expose the arguments it was made
    /// with) to tell whether a controller process will run the tests in a child test host.
    /// </remarks>
    public static void AddAgentTestGuard(this ITestApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Register(builder, Environment.GetCommandLineArgs()[1..], SessionSystem.Process);
    }

    private static void Register(ITestApplicationBuilder builder, string[] args, SessionSystem system)
    {
        // Where the platform may run the tests in a child test host (the TRX report, say), this
        // process may be its controller, which runs no test: the read waits until a test host's
        // extension is made. The child itself (same arguments, plus the platform's own) reads at once,
        // and registers no relay: it never controls a child, and registering costs its start-up time.
        var isControlledChild = ControlledTestHost.IsChild(args);
        var relayMayBeNeeded = !isControlledChild && TestHostRelay.MayBeNeeded(args);
        var state = new RunState(InventoryLocator.PathForEntryAssembly(), readNow: !relayMayBeNeeded, system.Environment)
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
            return made = QuarantineGate.Create(services, state, system);
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
