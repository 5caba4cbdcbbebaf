using AgentTestGuard.Approvals;
using AgentTestGuard.TestingPlatform.Classification;
using AgentTestGuard.TestingPlatform.Results;
using AgentTestGuard.TestingPlatform.Session;
using AgentTestGuard.TestingPlatform.Tests.TestSupport;
using Microsoft.Testing.Platform.Extensions.Messages;
using Xunit;

namespace AgentTestGuard.TestingPlatform.Tests.Session;

public sealed class TestNodeReaderTests
{
    private static readonly TestClassifier Classifier = new(Make.Inventory(
        Make.Test("Shop.Tests.CartTests.Agent_test", ApprovalState.Unapproved)));

    private static readonly DateTimeOffset Start = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Updates_that_are_not_results_are_not_read()
    {
        Assert.Null(TestNodeReader.Read(Node("Shop.Tests.CartTests.Agent_test", InProgressTestNodeStateProperty.CachedInstance, Identity("Agent_test")), Classifier));
        Assert.Null(TestNodeReader.Read(Node("Shop.Tests.CartTests.Agent_test", DiscoveredTestNodeStateProperty.CachedInstance, Identity("Agent_test")), Classifier));
        Assert.Null(TestNodeReader.Read(Node("Shop.Tests.CartTests.Agent_test", Identity("Agent_test")), Classifier));
    }

    [Fact]
    public void A_result_is_classified_by_its_method_identity_and_keeps_its_display_name()
    {
        var result = TestNodeReader.Read(
            Node("Adds an item", PassedTestNodeStateProperty.CachedInstance, Identity("Agent_test"), Timing(TimeSpan.FromMilliseconds(12))),
            Classifier);

        Assert.NotNull(result);
        Assert.Equal(
            ("Shop.Tests.CartTests.Agent_test", "Adds an item", TestOutcome.Passed, TimeSpan.FromMilliseconds(12), null, TestKind.Quarantined, 1),
            (result.Id, result.DisplayName, result.Outcome, result.Duration, result.FailureMessage, result.Class.Kind, result.Attempts));
        Assert.Equal("Shop.Tests.CartTests.Agent_test", result.Class.AgentTest?.Id);
    }

    [Fact]
    public void A_display_name_that_spells_the_id_is_used_as_the_id()
    {
        var displayName = string.Concat("Shop.Tests.CartTests.", "Other_test");

        var result = TestNodeReader.Read(Node(displayName, PassedTestNodeStateProperty.CachedInstance, Identity("Other_test")), Classifier);

        Assert.Same(displayName, result?.Id);
        Assert.Equal(TestKind.Gating, result?.Class.Kind);
    }

    [Fact]
    public void A_failure_keeps_the_exception_message_or_else_the_explanation()
    {
        var withException = TestNodeReader.Read(
            Node("t", new FailedTestNodeStateProperty(new InvalidOperationException("expected 3, was 4"), "explained"), Identity("Agent_test")),
            Classifier);
        var explained = TestNodeReader.Read(Node("t", new ErrorTestNodeStateProperty("no exception, an explanation"), Identity("Agent_test")), Classifier);

        Assert.Equal((TestOutcome.Failed, "expected 3, was 4"), (withException?.Outcome, withException?.FailureMessage));
        Assert.Equal((TestOutcome.Error, "no exception, an explanation"), (explained?.Outcome, explained?.FailureMessage));
    }

    [Fact]
    public void A_result_without_a_method_identity_gates_under_its_display_name()
    {
        var result = TestNodeReader.Read(Node("Shop.Tests.CartTests.Agent_test", PassedTestNodeStateProperty.CachedInstance), Classifier);

        Assert.Equal(("Shop.Tests.CartTests.Agent_test", TestKind.Gating, (TimeSpan?)null), (result?.Id, result?.Class.Kind, result?.Duration));
    }

    [Fact]
    public void When_a_property_comes_twice_the_one_the_bag_gives_first_counts_and_nothing_throws()
    {
        var node = Node(
            "t",
            PassedTestNodeStateProperty.CachedInstance,
            Identity("Agent_test"),
            Timing(TimeSpan.FromMilliseconds(5)),
            Identity("Other_test"),
            Timing(TimeSpan.FromMilliseconds(7)));
        var first = node.Properties.FirstOrDefault<TestMethodIdentifierProperty>()!;

        var result = TestNodeReader.Read(node, Classifier);

        Assert.Equal(
            ($"Shop.Tests.CartTests.{first.MethodName}", node.Properties.FirstOrDefault<TimingProperty>()!.GlobalTiming.Duration),
            (result?.Id, result?.Duration));
    }

    private static TestNode Node(string displayName, params IProperty[] properties) => new()
    {
        Uid = new TestNodeUid("uid-1"),
        DisplayName = displayName,
        Properties = new PropertyBag(properties),
    };

    private static TestMethodIdentifierProperty Identity(string method) =>
        new("Shop.Tests, Version=1.0.0.0", "Shop.Tests", "CartTests", method, 0, [], "System.Void");

    private static TimingProperty Timing(TimeSpan duration) => new(new TimingInfo(Start, Start + duration, duration));
}
