using System.Diagnostics.CodeAnalysis;
using AgentTestGuard.Approvals;
using AgentTestGuard.InventoryFormat;
using AgentTestGuard.TestingPlatform.Results;
using AgentTestGuard.TestingPlatform.Session;
using AgentTestGuard.TestingPlatform.Settings;
using AgentTestGuard.TestingPlatform.Tests.TestSupport;
using Microsoft.Testing.Platform.CommandLine;
using Xunit;
using TestResult = AgentTestGuard.TestingPlatform.Results.TestResult;

namespace AgentTestGuard.TestingPlatform.Tests.Session;

public sealed class RerunTriggerTests : IDisposable
{
    private static readonly Inventory.AgentTest Discount = Make.Test("Shop.Tests.CartTests.Discount", ApprovalState.Unapproved);
    private static readonly RunSettings Local = new(false, "default", "local", "default");

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("agt-trigger-");
    private readonly RunState _state;

    public RerunTriggerTests()
    {
        var inventory = Path.Combine(_folder.FullName, "Shop.Tests" + InventoryDocument.FileSuffix);
        InventoryFile.Write(inventory, Make.Inventory(Discount));
        _state = new RunState(inventory);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private RerunSettings? Requested(IReadOnlyList<TestResult> results, bool allowed = true, bool cancelled = false, params (string Name, string[] Arguments)[] options) =>
        RerunTrigger.Requested(results, allowed, cancelled, _state, new Options(options), Local, _ => null);

    [Fact]
    public void A_quarantined_test_that_ran_with_reruns_asked_for_triggers_them()
    {
        IReadOnlyList<TestResult> ran = [Make.Of(Discount, TestOutcome.Passed)];

        Assert.Equal(new RerunSettings(3, "--agt-reruns", 120), Requested(ran, options: (CommandLineOptions.Reruns, ["3"])));

        // dotnet test's own server is a run like any other.
        Assert.Equal(3, Requested(ran, options: [(CommandLineOptions.Reruns, ["3"]), ("server", ["dotnettestcli"])])?.Reruns);
    }

    [Fact]
    public void Nothing_triggers_them_otherwise()
    {
        IReadOnlyList<TestResult> ran = [Make.Of(Discount, TestOutcome.Failed)];
        var reruns = (CommandLineOptions.Reruns, new[] { "3" });

        Assert.Null(Requested(ran));
        Assert.Null(Requested(ran, options: (CommandLineOptions.Reruns, ["0"])));
        Assert.Null(Requested(ran, allowed: false, options: reruns));
        Assert.Null(Requested(ran, cancelled: true, options: reruns));
        Assert.Null(Requested(ran, options: [reruns, ("server", ["jsonrpc"])]));
        Assert.Null(Requested([Make.Of(Discount, TestOutcome.Skipped)], options: reruns));
        Assert.Null(Requested([Make.Gating("Shop.Tests.OtherTests.Works", TestOutcome.Failed)], options: reruns));
    }

    private sealed class Options(params (string Name, string[] Arguments)[] options) : ICommandLineOptions
    {
        public bool IsOptionSet(string optionName) => options.Any(o => o.Name == optionName);

        public bool TryGetOptionArgumentList(string optionName, [NotNullWhen(true)] out string[]? arguments)
        {
            arguments = options.Where(o => o.Name == optionName).Select(o => o.Arguments).FirstOrDefault();
            return arguments is not null;
        }
    }
}
