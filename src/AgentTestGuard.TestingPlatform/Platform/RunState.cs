using AgentTestGuard.Files;
using AgentTestGuard.Inventory;
using AgentTestGuard.TestingPlatform.Classification;
using AgentTestGuard.TestingPlatform.Settings;

namespace AgentTestGuard.TestingPlatform.Platform;

/// <summary>
/// What the extension's parts in the test host share: the inventory and the run's settings.
/// </summary>
internal sealed class RunState
{
    private readonly Task<InventoryRead> _inventory;

    /// <summary>
    /// Starts reading the inventory on another thread: the platform spends its first few hundred
    /// milliseconds starting up, mostly on one core, and the inventory of a large suite takes tens
    /// of milliseconds to read, which would otherwise delay the first test. (In the controller
    /// process of a run with a child test host the read is not needed; it costs that run a little
    /// CPU on an idle core.)
    /// </summary>
    public RunState(string? inventoryPath)
    {
        InventoryPath = inventoryPath;
        _inventory = Task.Run(() =>
        {
            var document = InventoryLocator.TryRead(inventoryPath, out var problem);
            return new InventoryRead(new TestClassifier(document), problem);
        });
    }

    public string? InventoryPath { get; }

    // A class, not a tuple: a task of a reference type runs the framework's precompiled code, where a
    // task of a value tuple compiles its own in every test run.
    private sealed record InventoryRead(TestClassifier Classifier, string? Problem);

    public TestClassifier Classifier => _inventory.GetAwaiter().GetResult().Classifier;

    /// <summary>Why there is no inventory, when there is none.</summary>
    public string? InventoryProblem => _inventory.GetAwaiter().GetResult().Problem;

    public InventoryDocument? Inventory => Classifier.Inventory;

    /// <summary>Records the gate has started and the test app must wait for (<see cref="RecordCompletion"/>).</summary>
    public Record.PendingRecords Records { get; } = new();

    /// <summary>Why unreviewed tests could not be told apart, so that no test ran; set by the environment filter.</summary>
    public string? ExclusionProblem { get; set; }

    public IReadOnlyList<string> AllowedEnvironments =>
        Inventory?.Environments ?? Configuration.Policy.DefaultEnvironments;

    public IReadOnlyList<AgentTest> QuarantinedTests => Classifier.QuarantinedTests;

    public static RunSettings ResolveSettings(Microsoft.Testing.Platform.CommandLine.ICommandLineOptions commandLine)
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
            System.Environment.GetEnvironmentVariable);
    }
}
