using System.Runtime.CompilerServices;
using AgentTestGuard.Inventory;
using AgentTestGuard.TestingPlatform.Record;
using AgentTestGuard.TestingPlatform.Results;
using AgentTestGuard.TestingPlatform.Settings;
using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Configurations;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Extensions.OutputDevice;
using Microsoft.Testing.Platform.Extensions.TestHost;
using Microsoft.Testing.Platform.OutputDevice;
using Microsoft.Testing.Platform.Services;

namespace AgentTestGuard.TestingPlatform.Session;

/// <summary>
/// The extension's part in the test host. It sees every test result, and when the session
/// finishes it decides what the results mean (<see cref="RunVerdict"/>), starts the run record,
/// and has <see cref="SessionEndPlan"/> decide what to do about the verdict, which
/// <see cref="SessionEndShell"/> does. <see cref="Create"/> makes it.
/// </summary>
internal class QuarantineGate(IServiceProvider services, RunState state, SessionSystem system)
    : IDataConsumer, IDataProducer, ITestSessionLifetimeHandler, IOutputDeviceDataProducer
{
    /// <summary>
    /// The gate, with results handed to it inline where the platform can (<see cref="InlineQuarantineGate"/>).
    /// </summary>
    public static QuarantineGate Create(IServiceProvider services, RunState state, SessionSystem system) =>
        PlatformHasInlineDelivery ? CreateInline(services, state, system) : new QuarantineGate(services, state, system);

    /// <summary>
    /// Inline delivery is experimental in the platform, so a later version may drop it. The interface
    /// is looked up by name, and <see cref="InlineQuarantineGate"/> is loaded only where it exists:
    /// elsewhere results come through the platform's queue instead of the extension failing to load.
    /// </summary>
    internal static bool PlatformHasInlineDelivery { get; } =
        typeof(IDataConsumer).Assembly.GetType("Microsoft.Testing.Platform.Extensions.IBlockingDataConsumer") is not null;

    // Never inlined, and typed as the base class, so that compiling Create never loads InlineQuarantineGate.
    [MethodImpl(MethodImplOptions.NoInlining)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "The signature must not name InlineQuarantineGate; see above.")]
    private static QuarantineGate CreateInline(IServiceProvider services, RunState state, SessionSystem system) =>
        new InlineQuarantineGate(services, state, system);

    private readonly RunResults _results = new();
    private readonly ICommandLineOptions _commandLine = services.GetCommandLineOptions();
    private IOutputDevice? _output;
    private DateTimeOffset _startedAt;
    private Task<CodeRevision?>? _codeRevision;
    private IReadOnlyList<int> _userIgnoredExitCodes = [];
    private Task<SessionEnd?>? _end;
    private string? _endSession;

    public string Uid => $"{ExtensionIdentity.Prefix}.QuarantineGate";

    public string Version => ExtensionIdentity.Version;

    public string DisplayName => "AgentTestGuard quarantine";

    public string Description => "Keeps failures of unapproved agent tests from failing the run, and records every run.";

    public Type[] DataTypesConsumed => [typeof(TestNodeUpdateMessage)];

    public Type[] DataTypesProduced => [typeof(TestNodeUpdateMessage), typeof(SessionFileArtifact)];

    /// <summary>
    /// The platform's output device. Set by tests: the platform hands it out only through its own
    /// service provider.
    /// </summary>
    internal IOutputDevice Output
    {
        get => _output ??= services.GetOutputDevice();
        init => _output = value;
    }

    private bool IsListingTests => _commandLine.IsOptionSet("list-tests");

    public Task<bool> IsEnabledAsync() => Task.FromResult(true);

    public Task ConsumeAsync(IDataProducer dataProducer, IData value, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(dataProducer, this) || value is not TestNodeUpdateMessage update)
        {
            return Task.CompletedTask;
        }

        if (TestNodeReader.Read(update.TestNode, state.Classifier) is { } result)
        {
            _results.Report(result);
        }

        return Task.CompletedTask;
    }

    public async Task OnTestSessionStartingAsync(ITestSessionContext testSessionContext)
    {
        _startedAt = system.Clock.GetUtcNow();
        if (IsListingTests || state.RerunRequestPath is not null)
        {
            return;
        }

        // As the user set them: the variable as RunState took it before any test could change it.
        _userIgnoredExitCodes = UserExitCodeIgnore.Read(state.ExitCodeIgnoreAtStart, UserIgnoreExitCodeOption);

        // Started now, awaited at the end: git takes a few milliseconds the tests can cover.
        _codeRevision = CodeRevisionReader.FromEnvironment(system.Environment.GetVariable) is { } fromCi
            ? Task.FromResult<CodeRevision?>(fromCi)
            : CodeRevisionReader.FromGitAsync(system.Environment.CurrentDirectory, testSessionContext.CancellationToken);

        if (state.InventoryProblem is { } problem)
        {
            await WarnAsync($"AgentTestGuard: every test gates in this run: {problem}", testSessionContext.CancellationToken).ConfigureAwait(false);
        }

        if (state.IsControlledChild && state.DecisionFilePath is null)
        {
            await WarnAsync(
                "AgentTestGuard: an extension runs the tests in a child process that AgentTestGuard does not relay; "
                + "failures of quarantined tests will fail this run. Add --agt-relay to the test command line.",
                testSessionContext.CancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Decides what the session's results mean and starts writing its run record, once per session.
    /// <see cref="RecordStart"/> calls it before the data consumers' end-of-session work, so that the
    /// record is written on another core while they do theirs; the gate's own end of the session
    /// then finds it made. Null when the session only lists tests, and in a rerun child.
    /// </summary>
    /// <remarks>
    /// Completed at once, unless unreviewed agent tests ran and reruns are asked for (early flake
    /// detection, <see cref="Reruns.FlakeDetection"/>): then it completes when the reruns have, and
    /// both callers share that one task. Only the gate's end of the session waits for it.
    /// </remarks>
    internal Task<SessionEnd?> ConcludeAsync(ITestSessionContext testSessionContext)
    {
        var session = testSessionContext.SessionUid.Value;
        if (IsListingTests)
        {
            return NoEnd;
        }

        if (_end is { } made && _endSession == session)
        {
            return made;
        }

        var cancelled = testSessionContext.CancellationToken.IsCancellationRequested;
        var results = _results.Snapshot();
        Task<SessionEnd?> end;
        if (state.RerunRequestPath is { } rerunRequest)
        {
            WriteRerunResults(rerunRequest, results);
            end = NoEnd;
        }
        else
        {
            var settings = RunState.ResolveSettings(_commandLine, system.Environment.GetVariable);
            var allowed = settings.AllowsUnreviewedTests(state.AllowedEnvironments);
            end = RerunTrigger.Requested(results, allowed, cancelled, state, _commandLine, settings, system.Environment.GetVariable) is { } reruns
                ? ConcludeAfterReruns(session, results, settings, reruns, testSessionContext.CancellationToken)
                : Task.FromResult<SessionEnd?>(Finish(session, results, settings, allowed, cancelled, rerunReport: null));
        }

        _endSession = session;
        _end = end;
        return end;
    }

    private static readonly Task<SessionEnd?> NoEnd = Task.FromResult<SessionEnd?>(null);

    // Never inlined, as every use of the rerun code: an ordinary run never loads it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Task<SessionEnd?> ConcludeAfterReruns(
        string session, IReadOnlyList<TestResult> results, RunSettings settings, RerunSettings reruns, CancellationToken cancellationToken) =>
        Reruns.SessionReruns.ConcludeAsync(
            results, reruns, state.Inventory!, _startedAt, (withReruns, report) => Finish(session, withReruns, settings, allowed: true, cancelled: false, report), cancellationToken);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WriteRerunResults(string request, IReadOnlyList<TestResult> results) =>
        Reruns.RerunChild.WriteResults(request, results);

    private SessionEnd Finish(
        string session, IReadOnlyList<TestResult> results, RunSettings settings, bool allowed, bool cancelled, Reruns.RerunReport? rerunReport)
    {
        var quarantined = state.QuarantinedTests;
        var verdict = RunVerdict.Decide(
            results,
            quarantined,
            state.Inventory?.Tests.Count ?? 0,
            settings.Enforce,
            !string.IsNullOrWhiteSpace(state.Inventory?.Owner),
            cancelled);
        IReadOnlyList<AgentTest> notRun = allowed ? [] : SessionEndPlan.NotExecuted(quarantined, results);

        // The record is most of the work left at the end of a run, and by now the tests have left
        // the other cores idle: it is written there while other extensions write their reports, the
        // exit code is settled, the summary shown and the platform ends the run (RecordCompletion
        // waits for it before the test app exits).
        var assembly = state.Inventory?.Assembly
            ?? System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name
            ?? "tests";
        var recordPath = Path.Combine(services.GetConfiguration().GetTestResultDirectory(), RunRecordFile.FileName(assembly, _startedAt));
        var codeRevision = _codeRevision ?? Task.FromResult<CodeRevision?>(null);
        var record = Task.Run(async () =>
        {
            var revision = await codeRevision.ConfigureAwait(false);
            WriteRecord(recordPath, assembly, results, notRun, verdict, settings, allowed, cancelled, revision, rerunReport);
        });
        state.Records.Add(recordPath, record);

        return new SessionEnd(session, results, notRun, verdict, settings, cancelled, recordPath) { Reruns = rerunReport };
    }

    /// <summary>
    /// Concludes the session (<see cref="ConcludeAsync"/>), decides what to do about it
    /// (<see cref="SessionEndPlan"/>) and does it (<see cref="SessionEndShell"/>).
    /// </summary>
    public Task OnTestSessionFinishingAsync(ITestSessionContext testSessionContext)
    {
        var concluding = ConcludeAsync(testSessionContext);
        return concluding.IsCompletedSuccessfully
            ? PerformAsync(concluding.Result, testSessionContext)
            : PerformWhenConcludedAsync(concluding, testSessionContext);
    }

    private async Task PerformWhenConcludedAsync(Task<SessionEnd?> concluding, ITestSessionContext testSessionContext) =>
        await PerformAsync(await concluding.ConfigureAwait(false), testSessionContext).ConfigureAwait(false);

    private Task PerformAsync(SessionEnd? end, ITestSessionContext testSessionContext)
    {
        if (end is null)
        {
            return Task.CompletedTask;
        }

        var facts = new SessionEndFacts(
            state.DecisionFilePath,
            state.ExclusionProblem,
            HasInventory: state.Inventory is not null,
            UnderDotnetTest: system.Environment.GetVariable(DotnetTestExecutionIdVariable) is not null,
            IsServer: _commandLine.IsOptionSet(ServerOption));
        var shell = new SessionEndShell(services.GetMessageBus(), Output, system, state, this, testSessionContext.SessionUid, UserIgnoreExitCodeOption);
        return shell.PerformAsync(SessionEndPlan.Decide(end, facts), testSessionContext.CancellationToken);
    }

    private const string ServerOption = "server";

    private const string DotnetTestExecutionIdVariable = "TESTINGPLATFORM_DOTNETTEST_EXECUTIONID";

    private string? UserIgnoreExitCodeOption =>
        _commandLine.TryGetOptionArgumentList("ignore-exit-code", out var codes) ? codes.FirstOrDefault() : null;

    private void WriteRecord(
        string path, string assembly, IReadOnlyList<TestResult> results, IReadOnlyList<AgentTest> notRun, RunVerdict verdict, RunSettings settings, bool allowed, bool cancelled, CodeRevision? revision,
        Reruns.RerunReport? rerunReport)
    {
        var context = new RunContext(
            RunContext.NewRunId(), settings.Environment, allowed, settings.Enforce, system.Environment.MachineName, revision, _startedAt, system.Clock.GetUtcNow(), cancelled)
        {
            IgnoredExitCodes = _userIgnoredExitCodes,
            Reruns = rerunReport,
        };
        var document = RunRecordBuilder.Build(assembly, state.InventoryPath, state.Classifier, results, notRun, verdict, context);
        RunRecordFile.Write(path, document);
    }

    private Task WarnAsync(string message, CancellationToken cancellationToken) =>
        Output.DisplayAsync(this, new WarningMessageOutputDeviceData(message), cancellationToken);
}
