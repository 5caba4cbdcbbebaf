using AgentTestGuard.Approvals;
using AgentTestGuard.Inventory;
using AgentTestGuard.InventoryFormat;
using AgentTestGuard.TestingPlatform.Results;
using AgentTestGuard.TestingPlatform.Session;
using AgentTestGuard.TestingPlatform.Tests.TestSupport;
using Microsoft.Testing.Platform.Extensions.Messages;
using Xunit;

namespace AgentTestGuard.TestingPlatform.Tests.Session;

/// <summary>
/// The gate's two promises at the end of a session, through its real parts and fakes of the platform
/// and the process: a run whose only failures are quarantined has the platform overlook "a test
/// failed"; enforce mode fails a run with unreviewed agent tests.
/// </summary>
public sealed class SessionEndTests : IDisposable
{
    private const string IgnoreVariable = "TESTINGPLATFORM_EXITCODE_IGNORE";
    private const string DecisionVariable = "AGENTTESTGUARD_DECISION_FILE";

    private static readonly AgentTest Unapproved = Make.Test("Shop.Tests.CartTests.Removes_item", ApprovalState.Unapproved, "copilot", ["CART-12"]);
    private static readonly AgentTest Stale = Make.Test("Shop.Tests.CartTests.Totals", ApprovalState.Stale, "claude-code");
    private static readonly AgentTest Approved = Make.Test("Shop.Tests.CartTests.Discount", ApprovalState.Approved);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("agt-session-end-");
    private readonly FakeEnvironment _environment = new() { Variables = { ["GITHUB_SHA"] = "0123abcd" } };
    private readonly FakeFiles _files = new();

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task A_run_whose_only_failure_is_quarantined_has_the_platform_ignore_failed_tests_and_tells_the_controller()
    {
        _environment.Variables[DecisionVariable] = "/controller/decision.txt";
        var platform = await RunAsync(
            [Unapproved, Approved],
            [("Shop.Tests.CartTests.Removes_item", Failed("expected 2")), ("Shop.Tests.CartTests.Discount", Passed), ("Shop.Tests.OrderTests.Ships", Passed)]);

        Assert.Equal("2", _environment.GetVariable(IgnoreVariable));
        Assert.Equal("ignore-failed-tests", _files.Written["/controller/decision.txt"]);
        Assert.DoesNotContain(platform.Published, data => data is TestNodeUpdateMessage);
    }

    [Fact]
    public async Task A_gating_failure_leaves_failed_tests_failing_whatever_a_test_wrote_into_the_variable()
    {
        _environment.Variables[DecisionVariable] = "/controller/decision.txt";
        var platform = await RunAsync(
            [Unapproved],
            [("Shop.Tests.CartTests.Removes_item", Failed("expected 2")), ("Shop.Tests.OrderTests.Ships", Failed("expected shipped"))],
            duringTheRun: () => _environment.SetVariable(IgnoreVariable, "2"));

        Assert.Null(_environment.GetVariable(IgnoreVariable));
        Assert.Equal("failed-tests-count", _files.Written["/controller/decision.txt"]);
        Assert.DoesNotContain(platform.Published, data => data is TestNodeUpdateMessage);
    }

    [Fact]
    public async Task The_users_own_ignored_codes_are_kept_when_the_quarantined_failure_is_overlooked()
    {
        _environment.Variables[IgnoreVariable] = "8";
        await RunAsync([Unapproved], [("Shop.Tests.CartTests.Removes_item", Failed("expected 2"))]);

        Assert.Equal("8;2", _environment.GetVariable(IgnoreVariable));
    }

    [Fact]
    public async Task A_failure_of_a_test_whose_approval_is_stale_is_quarantined_as_if_never_approved()
    {
        var platform = await RunAsync([Stale], [("Shop.Tests.CartTests.Totals", Failed("expected 10"))]);

        Assert.Equal("2", _environment.GetVariable(IgnoreVariable));
        var summary = Assert.Single(platform.Displayed.OfType<Microsoft.Testing.Platform.OutputDevice.WarningMessageOutputDeviceData>());
        Assert.Equal(
            "AgentTestGuard: 1 agent test ran: 0 approved, 1 quarantined; 1 quarantined failure; 1 stale approval.\n"
            + "  Quarantined failures (reported, not failing the run: no gating test failed):\n"
            + "    Shop.Tests.CartTests.Totals (stale, agent claude-code): expected 10\n"
            + "  Stale: Shop.Tests.CartTests.Totals was approved by Dana Lee <dana@example.com> but has changed since; it is quarantined until approved again.",
            summary.Message);
    }

    [Fact]
    public async Task Enforce_mode_fails_the_run_with_its_listing_of_the_unreviewed_tests()
    {
        var platform = await RunAsync(
            [Unapproved, Stale, Approved],
            [("Shop.Tests.CartTests.Removes_item", Passed), ("Shop.Tests.CartTests.Discount", Passed)],
            options: "agt-enforce");

        var enforcement = Assert.Single(platform.Published.OfType<TestNodeUpdateMessage>());
        Assert.Equal("AgentTestGuard.Enforce", enforcement.TestNode.Uid.Value);
        Assert.Equal(EnforcementListing.Title, enforcement.TestNode.DisplayName);
        var failed = Assert.IsType<FailedTestNodeStateProperty>(enforcement.TestNode.Properties.Single<TestNodeStateProperty>());
        Assert.Equal(
            "AgentTestGuard enforce mode: the run fails\n"
            + "  2 agent tests awaiting human review:\n"
            + "    Shop.Tests.CartTests.Removes_item (agent copilot; criteria CART-12; unapproved)\n"
            + "      approve: dotnet agt approve Shop.Tests.CartTests.Removes_item\n"
            + "    Shop.Tests.CartTests.Totals (agent claude-code; criteria none; stale: changed since its approval)\n"
            + "      approve: dotnet agt approve Shop.Tests.CartTests.Totals",
            failed.Exception?.Message);
        Assert.Null(_environment.GetVariable(IgnoreVariable));
    }

    [Fact]
    public async Task Enforce_mode_with_every_agent_test_approved_publishes_no_failure()
    {
        var platform = await RunAsync([Approved], [("Shop.Tests.CartTests.Discount", Passed)], options: "agt-enforce");

        Assert.DoesNotContain(platform.Published, data => data is TestNodeUpdateMessage);
        Assert.Null(_environment.GetVariable(IgnoreVariable));
    }

    private static readonly TestNodeStateProperty Passed = PassedTestNodeStateProperty.CachedInstance;

    private static FailedTestNodeStateProperty Failed(string message) => new(new InvalidOperationException(message));

    /// <summary>
    /// One session as the platform runs it: the gate made, the session started, the results consumed
    /// (with <paramref name="duringTheRun"/> run among them, as test code would), the session finished.
    /// </summary>
    private async Task<FakePlatform> RunAsync(
        AgentTest[] inventoryTests,
        (string Id, TestNodeStateProperty State)[] results,
        Action? duringTheRun = null,
        params string[] options)
    {
        var inventory = Path.Combine(_directory.FullName, "Shop.Tests" + InventoryDocument.FileSuffix);
        InventoryFile.Write(inventory, Make.Inventory(inventoryTests));
        var platform = new FakePlatform(_directory.FullName, options);
        var state = new RunState(inventory, environment: _environment);
        var gate = new QuarantineGate(platform, state, new SessionSystem(_environment, new FixedClock(Make.Noon), _files)) { Output = platform };
        var session = new FakeSession("session-1");

        await gate.OnTestSessionStartingAsync(session);
        foreach (var (id, nodeState) in results)
        {
            var dot = id.LastIndexOf('.');
            var type = id[..dot];
            var node = new TestNode
            {
                Uid = new TestNodeUid(id),
                DisplayName = id,
                Properties = new PropertyBag(
                    nodeState,
                    new TestMethodIdentifierProperty("Shop.Tests", type[..type.LastIndexOf('.')], type[(type.LastIndexOf('.') + 1)..], id[(dot + 1)..], 0, [], "System.Void")),
            };
            await gate.ConsumeAsync(new FakeFramework(), new TestNodeUpdateMessage(session.SessionUid, node), CancellationToken.None);
            duringTheRun?.Invoke();
        }

        await gate.OnTestSessionFinishingAsync(session);
        Assert.Empty(await state.Records.WaitAsync());
        return platform;
    }
}
