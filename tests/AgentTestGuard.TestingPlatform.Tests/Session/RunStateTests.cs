using AgentTestGuard.Approvals;
using AgentTestGuard.InventoryFormat;
using AgentTestGuard.TestingPlatform.Session;
using AgentTestGuard.TestingPlatform.Tests.TestSupport;
using Xunit;

namespace AgentTestGuard.TestingPlatform.Tests.Session;

public sealed class RunStateTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("agt-runstate-").FullName;

    private string InventoryPath => Path.Combine(_directory, "Shop.Tests" + InventoryDocument.FileSuffix);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_state_that_does_not_read_now_reads_the_inventory_when_it_is_first_needed()
    {
        // A controller process makes its state before any inventory matters: nothing is read yet.
        var state = new RunState(InventoryPath, readNow: false);
        InventoryFile.Write(InventoryPath, Make.Inventory(Make.Test("Shop.Tests.CartTests.Adds", ApprovalState.Unapproved)));

        Assert.Null(state.InventoryProblem);
        Assert.Equal(["Shop.Tests.CartTests.Adds"], state.QuarantinedTests.Select(t => t.Id));
    }

    [Fact]
    public void Starting_the_read_twice_reads_once()
    {
        var state = new RunState(InventoryPath, readNow: false);
        InventoryFile.Write(InventoryPath, Make.Inventory(Make.Test("Shop.Tests.CartTests.Adds", ApprovalState.Approved)));

        state.StartReading();
        var classifier = state.Classifier;
        state.StartReading();

        Assert.Same(classifier, state.Classifier);
        Assert.Empty(state.QuarantinedTests);
    }

    [Fact]
    public void A_missing_inventory_is_a_problem_every_test_gates_for()
    {
        var state = new RunState(InventoryPath);

        Assert.Equal(
            $"no agent test inventory at {InventoryPath}; was the project built with AgentTestGuard's targets (AgentTestGuardSkip not set)?",
            state.InventoryProblem);
        Assert.Null(state.Inventory);
    }
}
