using AgentTestGuard.Approvals;
using AgentTestGuard.InventoryFormat;
using AgentTestGuard.TestingPlatform.Reruns;
using AgentTestGuard.TestingPlatform.Session;
using AgentTestGuard.TestingPlatform.Tests.TestSupport;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Requests;
using Xunit;

namespace AgentTestGuard.TestingPlatform.Tests.Session;

#pragma warning disable TPEXP // The filter a rerun child makes.

/// <summary>A test app started to rerun tests: it runs the requested nodes, writes their results, and nothing else.</summary>
public sealed class RerunChildGateTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("agt-rerun-child-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task A_rerun_child_writes_every_result_where_asked_and_no_record()
    {
        var inventory = Path.Combine(_folder.FullName, "Shop.Tests" + InventoryDocument.FileSuffix);
        InventoryFile.Write(inventory, Make.Inventory(Make.Test("Shop.Tests.CartTests.Agent_discount", ApprovalState.Unapproved)));
        var request = Path.Combine(_folder.FullName, "request.json");
        var resultsFile = Path.Combine(_folder.FullName, "results.jsonl");
        new RerunRequest(resultsFile, ["agent"]).Write(request);
        var environment = new FakeEnvironment { Variables = { [RerunRequest.Variable] = request, ["CI"] = "true" } };
        var state = new RunState(inventory, environment: environment);
        var gate = QuarantineGate.Create(new FakePlatform(_folder.FullName), state, new SessionSystem(environment, TimeProvider.System, new FakeFiles()));
        var session = new FakeSession("session-1");
        var node = new TestNode
        {
            Uid = new TestNodeUid("agent"),
            DisplayName = "Shop.Tests.CartTests.Agent_discount",
            Properties = new PropertyBag(
                new FailedTestNodeStateProperty(new InvalidOperationException("again")),
                new TestMethodIdentifierProperty("Shop.Tests", "Shop.Tests", "CartTests", "Agent_discount", 0, [], "System.Void")),
        };
        await gate.ConsumeAsync(new FakeFramework(), new TestNodeUpdateMessage(session.SessionUid, node), CancellationToken.None);

        var end = await gate.ConcludeAsync(session);

        Assert.Null(end);
        var (results, problem) = RerunResultsFile.Read(resultsFile);
        Assert.Null(problem);
        var result = Assert.Single(results!);
        Assert.Equal(("agent", "Shop.Tests.CartTests.Agent_discount", AgentTestGuard.TestingPlatform.Results.TestOutcome.Failed, "again"), (result.Uid, result.Id, result.Outcome, result.FailureMessage));
        Assert.Empty(_folder.GetFiles("*.agentrun.json"));
        Assert.Empty(await state.Records.WaitAsync());
    }

    [Fact]
    public void A_rerun_child_allows_exactly_the_requested_nodes_and_nothing_when_the_request_is_unreadable()
    {
        var request = Path.Combine(_folder.FullName, "request.json");
        new RerunRequest(Path.Combine(_folder.FullName, "results.jsonl"), ["a", "b"]).Write(request);

        var filter = Assert.IsType<TestNodeUidListFilter>(RerunChild.Filter(request));
        Assert.Equal(["a", "b"], filter.TestNodeUids.Select(u => u.Value));

        var none = Assert.IsType<TestNodeUidListFilter>(RerunChild.Filter(Path.Combine(_folder.FullName, "missing.json")));
        Assert.Equal(["AgentTestGuard.NoTestMayRun"], none.TestNodeUids.Select(u => u.Value));
    }
}
