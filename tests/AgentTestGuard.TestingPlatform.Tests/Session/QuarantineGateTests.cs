using AgentTestGuard.Approvals;
using AgentTestGuard.InventoryFormat;
using AgentTestGuard.TestingPlatform.Session;
using AgentTestGuard.TestingPlatform.Tests.TestSupport;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.Messages;
using Xunit;

namespace AgentTestGuard.TestingPlatform.Tests.Session;

public sealed class QuarantineGateTests
{
    [Fact]
    public void The_platform_this_package_needs_hands_results_to_the_gate_inline()
    {
        var gate = QuarantineGate.Create(new FakePlatform(), new RunState(inventoryPath: null), SessionSystem.Process);

#pragma warning disable TPEXP // The interface the factory looks up by name.
        Assert.True(QuarantineGate.PlatformHasInlineDelivery);
        Assert.IsAssignableFrom<IBlockingDataConsumer>(gate);
#pragma warning restore TPEXP
        Assert.Equal(["Microsoft.Testing.Platform.Extensions.Messages.TestNodeUpdateMessage"], gate.DataTypesConsumed.Select(t => t.FullName));
    }

    [Fact]
    public async Task The_session_is_concluded_once_whether_the_record_start_or_the_gate_asks_first()
    {
        var results = Directory.CreateTempSubdirectory("agt-gate-");
        try
        {
            var state = new RunState(inventoryPath: null);
            var gate = QuarantineGate.Create(new FakePlatform(results.FullName), state, SessionSystem.Process);
            var first = new FakeSession("session-1");

            // As the platform ends a session: the record start (it consumes no data) before the gate.
            await new RecordStart(() => gate).OnTestSessionFinishingAsync(first);

            // The record start alone concluded the session: its record is written before the gate asks.
            Assert.Empty(await state.Records.WaitAsync());
            var written = Assert.Single(results.GetFiles());
            var concluded = await gate.ConcludeAsync(first);
            var again = await gate.ConcludeAsync(first);
            Assert.Equal(written.FullName, concluded?.RecordPath);
            Assert.Empty(await state.Records.WaitAsync());
            Assert.Single(results.GetFiles());
            var next = await gate.ConcludeAsync(new FakeSession("session-2"));

            Assert.NotNull(concluded);
            Assert.Same(concluded, again);
            Assert.NotNull(next);
            Assert.NotSame(concluded, next);
            Assert.Equal("session-2", next.Session);
            Assert.Empty(await state.Records.WaitAsync());
            Assert.True(File.Exists(concluded.RecordPath));
            Assert.Equal(results.FullName, Path.GetDirectoryName(concluded.RecordPath));
        }
        finally
        {
            results.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_record_start_before_the_platform_made_the_gate_does_nothing()
    {
        var started = new RecordStart(() => null).OnTestSessionFinishingAsync(new FakeSession("session-1"));

        Assert.True(started.IsCompletedSuccessfully);
        await started;
    }

    [Fact]
    public async Task A_record_start_that_cannot_conclude_leaves_the_failure_to_the_gate_after_the_other_extensions()
    {
        // No results directory: the platform's configuration throws when asked for it.
        var gate = QuarantineGate.Create(new FakePlatform(), new RunState(inventoryPath: null), SessionSystem.Process);
        var session = new FakeSession("session-1");

        var started = new RecordStart(() => gate).OnTestSessionFinishingAsync(session);

        Assert.True(started.IsCompletedSuccessfully);
        await started;
        // What the platform throws when asked for a results directory it was not given.
        Assert.Throws<System.Diagnostics.UnreachableException>(() => { _ = gate.ConcludeAsync(session); });
    }

    [Fact]
    public async Task Each_row_reported_under_one_node_uid_counts_and_a_failed_first_row_fails_the_run()
    {
        var directory = Directory.CreateTempSubdirectory("agt-gate-");
        try
        {
            var inventory = Path.Combine(directory.FullName, "Shop.Tests" + InventoryDocument.FileSuffix);
            InventoryFile.Write(inventory, Make.Inventory(Make.Test("Shop.Tests.CartTests.Agent_discount", ApprovalState.Unapproved)));
            var state = new RunState(inventory);

            // An environment of its own: in CI, reruns would start this test app again.
            var gate = QuarantineGate.Create(new FakePlatform(directory.FullName), state, new SessionSystem(new FakeEnvironment(), TimeProvider.System, new FakeFiles()));
            var session = new FakeSession("session-1");

            // As xunit v3's adapter reports the rows of a theory it did not enumerate at discovery:
            // each row in progress, then its result, all under the theory's one node uid.
            var updates = new (string Uid, string DisplayName, string Method, TestNodeStateProperty State)[]
            {
                ("theory", "Shop.Tests.CartTests.Rounding(cents: 1)", "Rounding", InProgressTestNodeStateProperty.CachedInstance),
                ("theory", "Shop.Tests.CartTests.Rounding(cents: 1)", "Rounding", new FailedTestNodeStateProperty(new InvalidOperationException("row 1"))),
                ("theory", "Shop.Tests.CartTests.Rounding(cents: 2)", "Rounding", InProgressTestNodeStateProperty.CachedInstance),
                ("theory", "Shop.Tests.CartTests.Rounding(cents: 2)", "Rounding", PassedTestNodeStateProperty.CachedInstance),
                ("agent", "Shop.Tests.CartTests.Agent_discount", "Agent_discount", new FailedTestNodeStateProperty(new InvalidOperationException("quarantined"))),
            };
            foreach (var (uid, displayName, method, nodeState) in updates)
            {
                var node = new TestNode
                {
                    Uid = new TestNodeUid(uid),
                    DisplayName = displayName,
                    Properties = new PropertyBag(nodeState, new TestMethodIdentifierProperty("Shop.Tests", "Shop.Tests", "CartTests", method, 0, [], "System.Void")),
                };
                await gate.ConsumeAsync(new FakeFramework(), new TestNodeUpdateMessage(session.SessionUid, node), CancellationToken.None);
            }

            var end = await gate.ConcludeAsync(session);

            Assert.NotNull(end);
            Assert.Equal(
                ["Shop.Tests.CartTests.Rounding(cents: 1)", "Shop.Tests.CartTests.Rounding(cents: 2)", "Shop.Tests.CartTests.Agent_discount"],
                end.Results.Select(r => r.DisplayName));
            Assert.Equal(["Shop.Tests.CartTests.Rounding(cents: 1)"], end.Verdict.GatingFailures.Select(r => r.DisplayName));
            Assert.Equal(["Shop.Tests.CartTests.Agent_discount"], end.Verdict.QuarantinedFailures.Select(r => r.Id));
            Assert.False(end.Verdict.IgnoreFailedTestsExitCode);
            Assert.Empty(await state.Records.WaitAsync());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
