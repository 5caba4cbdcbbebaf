using AgentTestGuard.Files;
using AgentTestGuard.Inventory;
using AgentTestGuard.TestingPlatform.Classification;
using AgentTestGuard.TestingPlatform.Settings;

namespace AgentTestGuard.TestingPlatform.Platform;

/// <summary>
/// What the extension's parts in the test host share: the inventory (read once, on first use, so
/// that the controller process never reads it) and the run's settings.
/// </summary>
internal sealed class RunState
{
    private readonly Lazy<(TestClassifier Classifier, string? Problem)> _inventory;

    public RunState(string? inventoryPath)
    {
        InventoryPath = inventoryPath;
        _inventory = new(() =>
        {
            var document = InventoryLocator.TryRead(inventoryPath, out var problem);
            return (new TestClassifier(document), problem);
        });
    }

    public string? InventoryPath { get; }

    public TestClassifier Classifier => _inventory.Value.Classifier;

    /// <summary>Why there is no inventory, when there is none.</summary>
    public string? InventoryProblem => _inventory.Value.Problem;

    public InventoryDocument? Inventory => Classifier.Inventory;

    /// <summary>Why unreviewed tests could not be told apart, so that no test ran; set by the environment filter.</summary>
    public string? ExclusionProblem { get; set; }

    public IReadOnlyList<string> AllowedEnvironments =>
        Inventory?.Environments ?? Configuration.Policy.DefaultEnvironments;

    public IReadOnlyList<AgentTest> QuarantinedTests => Classifier.QuarantinedTests.ToList();

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
