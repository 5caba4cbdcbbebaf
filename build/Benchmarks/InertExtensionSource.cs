namespace AgentTestGuard.Benchmarks;

/// <summary>
/// A Microsoft.Testing.Platform extension that registers what AgentTestGuard's registers, at the
/// same extension points (a command line option, one object that consumes test node updates inline
/// and handles the session, a test host lifetime, an execution filter), and does nothing at any of
/// them. build/benchmark-run.sh's "hooks" variant compiles it into a suite without the package: its
/// run costs what the platform charges any extension shaped like the package's, so that the rest of
/// the package's cost is known to be the package's own work.
/// </summary>
internal static class InertExtensionSource
{
    public const string FileName = "InertExtension.cs";

    public const string HookTypeFullName = "Bench.InertExtensionHook";

    public const string Text = """
        #nullable enable
        using Microsoft.Testing.Platform.Builder;
        using Microsoft.Testing.Platform.CommandLine;
        using Microsoft.Testing.Platform.Extensions;
        using Microsoft.Testing.Platform.Extensions.CommandLine;
        using Microsoft.Testing.Platform.Extensions.Messages;
        using Microsoft.Testing.Platform.Extensions.TestHost;
        using Microsoft.Testing.Platform.Helpers;
        using Microsoft.Testing.Platform.Requests;
        using Microsoft.Testing.Platform.Services;
        using Microsoft.Testing.Platform.TestHost;

        #pragma warning disable TPEXP // The same experimental extension points AgentTestGuard uses.

        namespace Bench;

        // build/benchmark-run.sh's inert extension (see AgentTestGuard.Benchmarks.InertExtensionSource).
        public static class InertExtensionHook
        {
            public static void AddExtensions(ITestApplicationBuilder builder, string[] args)
            {
                builder.CommandLine.AddProvider(() => new InertOptions());
                var gate = new CompositeExtensionFactory<InertGate>(_ => new InertGate());
                builder.TestHost.AddDataConsumer(gate);
                builder.TestHost.AddTestSessionLifetimeHandler(gate);
                builder.TestHost.AddTestHostApplicationLifetime(_ => new InertLifetime());
                builder.AddTestExecutionFilterProvider(_ => new InertFilter());
            }
        }

        internal abstract class InertExtension : IExtension
        {
            // Made once: the platform reads a consumer's Uid for every update it delivers, and the
            // package's is a constant.
            protected InertExtension() => Uid = "Bench." + GetType().Name;

            public string Uid { get; }

            public string Version => "1";

            public string DisplayName => "Benchmark inert extension";

            public string Description => "Registered like AgentTestGuard's extension; does nothing.";

            public Task<bool> IsEnabledAsync() => Task.FromResult(true);
        }

        internal sealed class InertOptions : InertExtension, ICommandLineOptionsProvider
        {
            public IReadOnlyCollection<CommandLineOption> GetCommandLineOptions() =>
                [new("bench-inert", "Does nothing.", ArgumentArity.Zero, isHidden: false)];

            public Task<ValidationResult> ValidateOptionArgumentsAsync(CommandLineOption commandOption, string[] arguments) => ValidationResult.ValidTask;

            public Task<ValidationResult> ValidateCommandLineOptionsAsync(ICommandLineOptions commandLineOptions) => ValidationResult.ValidTask;
        }

        internal sealed class InertGate : InertExtension, IDataConsumer, IBlockingDataConsumer, ITestSessionLifetimeHandler
        {
            public Type[] DataTypesConsumed => [typeof(TestNodeUpdateMessage)];

            public Task ConsumeAsync(IDataProducer dataProducer, IData value, CancellationToken cancellationToken) => Task.CompletedTask;

            public Task OnTestSessionStartingAsync(ITestSessionContext testSessionContext) => Task.CompletedTask;

            public Task OnTestSessionFinishingAsync(ITestSessionContext testSessionContext) => Task.CompletedTask;
        }

        internal sealed class InertLifetime : InertExtension, ITestHostApplicationLifetime
        {
            public Task BeforeRunAsync(CancellationToken cancellationToken) => Task.CompletedTask;

            public Task AfterRunAsync(int exitCode, CancellationToken cancellation) => Task.CompletedTask;
        }

        internal sealed class InertFilter : InertExtension, ITestExecutionFilterProvider
        {
            public Task<ITestExecutionFilter?> GetFilterAsync(TestExecutionFilterContext context, CancellationToken cancellationToken) =>
                Task.FromResult<ITestExecutionFilter?>(null);
        }

        """;
}
