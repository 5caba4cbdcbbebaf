using AgentTestGuard.Inventory;
using AgentTestGuard.InventoryFormat;
using AgentTestGuard.TestingPlatform.Classification;
using AgentTestGuard.TestingPlatform.ExitCode;
using AgentTestGuard.TestingPlatform.Settings;

namespace AgentTestGuard.TestingPlatform.Session;

/// <summary>
/// What the extension's parts in the test host share: the inventory and the run's settings.
/// </summary>
internal sealed class RunState
{
    private Task<InventoryRead>? _inventory;

    /// <summary>
    /// With <paramref name="readNow"/>, starts reading the inventory on another thread: the platform
    /// spends its first few hundred milliseconds starting up, mostly on one core, and the inventory of
    /// a large suite takes tens of milliseconds to read, which would otherwise delay the first test.
    /// Without it, the read starts when the test host first needs the inventory (<see cref="StartReading"/>).
    /// </summary>
    /// <param name="environment">The process's environment; <see cref="SessionSystem.Process"/>'s when null.</param>
    public RunState(string? inventoryPath, bool readNow = true, IProcessEnvironment? environment = null)
    {
        InventoryPath = inventoryPath;
        environment ??= SessionSystem.Process.Environment;

        // Taken before any test runs: test code shares the process, and may change them.
        ExitCodeIgnoreAtStart = environment.GetVariable(ExitCodeIgnore.Variable);
        DecisionFilePath = environment.GetVariable(DecisionFile.Variable) is { Length: > 0 } decisionFile ? decisionFile : null;
        RerunRequestPath = environment.GetVariable(Reruns.RerunRequest.Variable) is { Length: > 0 } rerunRequest ? rerunRequest : null;
        if (readNow)
        {
            StartReading();
        }
    }

    /// <summary>
    /// Starts the read on another thread, unless it has started. The test host's extensions call it
    /// when the platform makes them; a controller process, which runs no test, never does.
    /// </summary>
    public void StartReading()
    {
        if (Volatile.Read(ref _inventory) is not null)
        {
            return;
        }

        var read = new Task<InventoryRead>(() =>
        {
            var document = InventoryLocator.TryRead(InventoryPath, out var problem);
            return new InventoryRead(new TestClassifier(document), problem);
        });
        if (Interlocked.CompareExchange(ref _inventory, read, null) is null)
        {
            read.Start(TaskScheduler.Default);
        }
    }

    private InventoryRead Read()
    {
        StartReading();
        return _inventory!.GetAwaiter().GetResult();
    }

    public string? InventoryPath { get; }

    /// <summary>The user's TESTINGPLATFORM_EXITCODE_IGNORE, as it was when the test app started (<see cref="ExitCodeIgnore"/>).</summary>
    public string? ExitCodeIgnoreAtStart { get; }

    /// <summary>Where a controller process wants this test host's decision (<see cref="DecisionFile"/>), as it was at start.</summary>
    public string? DecisionFilePath { get; }

    /// <summary>
    /// Set in a test app started to rerun tests (early flake detection): the request file naming them
    /// (Reruns.RerunRequest). Such a run executes only those tests, writes their results and nothing else.
    /// </summary>
    public string? RerunRequestPath { get; }

    /// <summary>Whether a controller process started this test host (<see cref="ControlledTestHost"/>).</summary>
    public bool IsControlledChild { get; init; }

    // A class, not a tuple: a task of a reference type runs the framework's precompiled code, where a
    // task of a value tuple compiles its own in every test run.
    private sealed record InventoryRead(TestClassifier Classifier, string? Problem);

    public TestClassifier Classifier => Read().Classifier;

    /// <summary>Why there is no inventory, when there is none.</summary>
    public string? InventoryProblem => Read().Problem;

    public InventoryDocument? Inventory => Classifier.Inventory;

    /// <summary>Records the gate has started and the test app must wait for (<see cref="RecordCompletion"/>).</summary>
    public Record.PendingRecords Records { get; } = new();

    /// <summary>Why unreviewed tests could not be told apart, so that no test ran; set by the environment filter.</summary>
    public string? ExclusionProblem { get; set; }

    public IReadOnlyList<string> AllowedEnvironments =>
        Inventory?.Environments ?? Configuration.Policy.DefaultEnvironments;

    public IReadOnlyList<AgentTest> QuarantinedTests => Classifier.QuarantinedTests;

    public static RunSettings ResolveSettings(Microsoft.Testing.Platform.CommandLine.ICommandLineOptions commandLine) =>
        ResolveSettings(commandLine, System.Environment.GetEnvironmentVariable);

    /// <param name="variable">Reads an environment variable of the process.</param>
    public static RunSettings ResolveSettings(Microsoft.Testing.Platform.CommandLine.ICommandLineOptions commandLine, Func<string, string?> variable)
    {
        string? enforce = null;
        if (commandLine.TryGetOptionArgumentList(CommandLineOptions.Enforce, out var enforceArguments))
        {
            enforce = enforceArguments.Length == 0 ? string.Empty : enforceArguments[0];
        }

        string? environment = commandLine.TryGetOptionArgumentList(CommandLineOptions.Environment, out var environmentArguments)
            ? environmentArguments[0]
            : null;

        return RunSettings.Resolve(
            enforce,
            environment,
            name => AppContext.GetData(name) as string,
            variable);
    }

    /// <summary>Early flake detection's settings (<see cref="RerunSettings"/>); read only when a quarantined test ran.</summary>
    /// <param name="enforce">Whether enforce mode is on: it turns reruns on by default.</param>
    public static RerunSettings ResolveRerunSettings(Microsoft.Testing.Platform.CommandLine.ICommandLineOptions commandLine, bool enforce, Func<string, string?> variable) =>
        RerunSettings.Resolve(
            commandLine.TryGetOptionArgumentList(CommandLineOptions.Reruns, out var reruns) ? reruns.FirstOrDefault() : null,
            commandLine.TryGetOptionArgumentList(CommandLineOptions.RerunBudget, out var budget) ? budget.FirstOrDefault() : null,
            enforce,
            name => AppContext.GetData(name) as string,
            variable);
}
