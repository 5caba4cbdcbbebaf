using System.Runtime.CompilerServices;
using AgentTestGuard.Inventory;
using AgentTestGuard.TestingPlatform.ExitCode;
using AgentTestGuard.TestingPlatform.Output;
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
/// finishes it decides what the results mean (<see cref="RunVerdict"/>), tells the platform,
/// prints the summary and writes the run record. <see cref="Create"/> makes it.
/// </summary>
internal class QuarantineGate(IServiceProvider services, RunState state)
    : IDataConsumer, IDataProducer, ITestSessionLifetimeHandler, IOutputDeviceDataProducer
{
    /// <summary>
    /// The gate, with results handed to it inline where the platform can (<see cref="InlineQuarantineGate"/>).
    /// </summary>
    public static QuarantineGate Create(IServiceProvider services, RunState state) =>
        PlatformHasInlineDelivery ? CreateInline(services, state) : new QuarantineGate(services, state);

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
    private static QuarantineGate CreateInline(IServiceProvider services, RunState state) => new InlineQuarantineGate(services, state);

    private static readonly Task<CodeRevision?> NoCodeRevision = Task.FromResult<CodeRevision?>(null);

    private readonly RunResults _results = new();
    private readonly ICommandLineOptions _commandLine = services.GetCommandLineOptions();
    private DateTimeOffset _startedAt;
    private Task<CodeRevision?>? _codeRevision;
    private IReadOnlyList<int> _userIgnoredExitCodes = [];
    private SessionEnd? _end;

    public string Uid => $"{ExtensionIdentity.Prefix}.QuarantineGate";

    public string Version => ExtensionIdentity.Version;

    public string DisplayName => "AgentTestGuard quarantine";

    public string Description => "Keeps failures of unapproved agent tests from failing the run, and records every run.";

    public Type[] DataTypesConsumed => [typeof(TestNodeUpdateMessage)];

    public Type[] DataTypesProduced => [typeof(TestNodeUpdateMessage), typeof(SessionFileArtifact)];

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

    /// <remarks>
    /// Not an async method: most runs have nothing to warn about, and an async method compiles a
    /// little of the framework's code for its state machine in every test run (see <see cref="WriteRecord"/>).
    /// </remarks>
    public Task OnTestSessionStartingAsync(ITestSessionContext testSessionContext)
    {
        _startedAt = DateTimeOffset.UtcNow;
        if (IsListingTests)
        {
            return Task.CompletedTask;
        }

        // As the user set them: the variable as RunState took it before any test could change it.
        _commandLine.TryGetOptionArgumentList("ignore-exit-code", out var ignoreOption);
        _userIgnoredExitCodes = UserExitCodeIgnore.Read(state.ExitCodeIgnoreAtStart, ignoreOption?.FirstOrDefault());

        // Started now, awaited at the end: git takes a few milliseconds the tests can cover.
        _codeRevision = CodeRevisionReader.FromEnvironment(Environment.GetEnvironmentVariable) is { } fromCi
            ? Task.FromResult<CodeRevision?>(fromCi)
            : CodeRevisionReader.FromGitAsync(Environment.CurrentDirectory, testSessionContext.CancellationToken);

        List<string>? warnings = null;
        if (state.InventoryProblem is { } problem)
        {
            (warnings ??= []).Add($"AgentTestGuard: every test gates in this run: {problem}");
        }

        if (state.IsControlledChild && state.DecisionFilePath is null)
        {
            (warnings ??= []).Add(
                "AgentTestGuard: an extension runs the tests in a child process that AgentTestGuard does not relay; "
                + "failures of quarantined tests will fail this run. Add --agt-relay to the test command line.");
        }

        return warnings is null ? Task.CompletedTask : WarnAllAsync(warnings, testSessionContext.CancellationToken);
    }

    private async Task WarnAllAsync(List<string> warnings, CancellationToken cancellationToken)
    {
        foreach (var warning in warnings)
        {
            await WarnAsync(warning, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Decides what the session's results mean and starts writing its run record, once per session.
    /// <see cref="RecordStart"/> calls it before the data consumers' end-of-session work, so that the
    /// record is written on another core while they do theirs; the gate's own end of the session
    /// then finds it made. Null when the session only lists tests.
    /// </summary>
    internal SessionEnd? Conclude(ITestSessionContext testSessionContext)
    {
        if (IsListingTests)
        {
            return null;
        }

        if (_end is { } made && made.Session == testSessionContext.SessionUid.Value)
        {
            return made;
        }

        var cancelled = testSessionContext.CancellationToken.IsCancellationRequested;
        var settings = RunState.ResolveSettings(_commandLine);
        var allowed = settings.AllowsUnreviewedTests(state.AllowedEnvironments);
        var results = _results.Snapshot();
        var quarantined = state.QuarantinedTests;
        var verdict = RunVerdict.Decide(
            results,
            quarantined,
            state.Inventory?.Tests.Count ?? 0,
            settings.Enforce,
            !string.IsNullOrWhiteSpace(state.Inventory?.Owner),
            cancelled);
        IReadOnlyList<AgentTest> notRun = allowed ? [] : NotExecuted(quarantined, results);

        // The record is most of the work left at the end of a run, and by now the tests have left
        // the other cores idle: it is written there while other extensions write their reports, the
        // exit code is settled, the summary shown and the platform ends the run (RecordCompletion
        // waits for it before the test app exits).
        var assembly = state.Inventory?.Assembly
            ?? System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name
            ?? "tests";
        var recordPath = Path.Combine(services.GetConfiguration().GetTestResultDirectory(), RunRecordFile.FileName(assembly, _startedAt));
        var record = (_codeRevision ?? NoCodeRevision).ContinueWith(
            revision => WriteRecord(recordPath, assembly, results, notRun, verdict, settings, allowed, cancelled, revision.GetAwaiter().GetResult()),
            CancellationToken.None,
            TaskContinuationOptions.None,
            TaskScheduler.Default);
        state.Records.Add(recordPath, record);

        _end = new SessionEnd(testSessionContext.SessionUid.Value, results, notRun, verdict, settings, cancelled, recordPath);
        return _end;
    }

    public async Task OnTestSessionFinishingAsync(ITestSessionContext testSessionContext)
    {
        if (Conclude(testSessionContext) is not { } end)
        {
            return;
        }

        var (_, results, notRun, verdict, settings, cancelled, recordPath) = end;
        var cancellationToken = testSessionContext.CancellationToken;
        // Set whatever the verdict, from what the user set before any test ran: a test may have set
        // the variable, or written the controller's decision file, to turn its failure into a pass.
        _commandLine.TryGetOptionArgumentList("ignore-exit-code", out var userCodes);
        ExitCodeIgnore.Apply(state.ExitCodeIgnoreAtStart, userCodes?.FirstOrDefault(), verdict.IgnoreFailedTestsExitCode);
        if (state.DecisionFilePath is { } decisionFile)
        {
            await File.WriteAllTextAsync(decisionFile, DecisionFile.For(verdict.IgnoreFailedTestsExitCode), CancellationToken.None).ConfigureAwait(false);
        }

        if (verdict.FailsForEnforcement && !cancelled)
        {
            await SessionEndMessages.PublishEnforcementFailureAsync(services, this, testSessionContext.SessionUid, verdict, state.Inventory).ConfigureAwait(false);
        }

        if (state.ExclusionProblem is { } problem)
        {
            await services.GetOutputDevice().DisplayAsync(
                this,
                new ErrorMessageOutputDeviceData($"AgentTestGuard: no test ran: environment '{Inert.Quote(settings.Environment)}' does not allow unreviewed agent tests, and they could not be told apart: {Inert.Quote(problem)}"),
                cancellationToken).ConfigureAwait(false);
        }

        if (state.Inventory is not null)
        {
            await ShowSummaryAsync(results, notRun, verdict, settings, cancellationToken).ConfigureAwait(false);
        }

        if (Environment.GetEnvironmentVariable(DotnetTestExecutionIdVariable) is not null)
        {
            await SessionEndMessages.PublishQuarantineNoticesAsync(services, this, testSessionContext.SessionUid, recordPath, verdict, cancellationToken).ConfigureAwait(false);
        }

        // Named now, while the session can still publish; the file is complete before the test app exits.
        await services.GetMessageBus().PublishAsync(
            this,
            new SessionFileArtifact(testSessionContext.SessionUid, new FileInfo(recordPath), "AgentTestGuard run record", "Per-test outcomes and classifications of this run."))
            .ConfigureAwait(false);

        // A server (an IDE's test explorer) runs many sessions in one process, and its client may read
        // the record as soon as the session ends.
        if (_commandLine.IsOptionSet(ServerOption))
        {
            await state.Records.FinishAsync(services.GetOutputDevice(), this).ConfigureAwait(false);
        }
    }

    private const string ServerOption = "server";

    private static List<AgentTest> NotExecuted(IReadOnlyList<AgentTest> quarantined, IReadOnlyList<TestResult> results)
    {
        var executed = results.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        return quarantined.Where(t => !executed.Contains(t.Id)).ToList();
    }

    private Task ShowSummaryAsync(
        IReadOnlyList<TestResult> results, IReadOnlyList<AgentTest> notRun, RunVerdict verdict, RunSettings settings, CancellationToken cancellationToken)
    {
        var (summary, noteworthy) = RunSummary.Describe(results, notRun, verdict, settings.Environment);

        // The .NET 10 SDK's dotnet test (protocol 1.0.0) drops a test app's display messages and
        // shows its standard error only when the app fails; there the summary at least explains
        // the failure. docs/run-time.md says more.
        if (Environment.GetEnvironmentVariable(DotnetTestExecutionIdVariable) is not null)
        {
            StandardError.WriteLine(summary);
        }

        IOutputDeviceData data = noteworthy ? new WarningMessageOutputDeviceData(summary) : new SessionMessageOutputDeviceData(summary);
        return services.GetOutputDevice().DisplayAsync(this, data, cancellationToken);
    }

    private const string DotnetTestExecutionIdVariable = "TESTINGPLATFORM_DOTNETTEST_EXECUTIONID";

    // Written as a continuation of the code revision's task, on a pool thread, rather than by an async
    // method: every async method of the extension compiles a little of the framework's code over its
    // state machine at the end of every run.
    private void WriteRecord(
        string path, string assembly, IReadOnlyList<TestResult> results, IReadOnlyList<AgentTest> notRun, RunVerdict verdict, RunSettings settings, bool allowed, bool cancelled, CodeRevision? revision)
    {
        var context = new RunContext(
            RunContext.NewRunId(), settings.Environment, allowed, settings.Enforce, Environment.MachineName, revision, _startedAt, DateTimeOffset.UtcNow, cancelled)
        {
            IgnoredExitCodes = _userIgnoredExitCodes,
        };
        var document = RunRecordBuilder.Build(assembly, state.InventoryPath, state.Classifier, results, notRun, verdict, context);
        RunRecordFile.Write(path, document);
    }

    private Task WarnAsync(string message, CancellationToken cancellationToken) =>
        services.GetOutputDevice().DisplayAsync(this, new WarningMessageOutputDeviceData(message), cancellationToken);
}
