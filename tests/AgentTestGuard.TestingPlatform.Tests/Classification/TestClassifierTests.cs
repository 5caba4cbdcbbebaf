using AgentTestGuard.Approvals;
using AgentTestGuard.TestingPlatform.Classification;
using AgentTestGuard.TestingPlatform.Tests.TestSupport;
using Xunit;

namespace AgentTestGuard.TestingPlatform.Tests.Classification;

public sealed class TestClassifierTests
{
    private static readonly TestClassifier Classifier = new(Make.Inventory(
        Make.Test("Shop.Tests.CartTests.Approved", ApprovalState.Approved),
        Make.Test("Shop.Tests.CartTests.Unapproved", ApprovalState.Unapproved),
        Make.Test("Shop.Tests.CartTests.Stale", ApprovalState.Stale),
        Make.Test("Shop.Tests.CartTests.Rejected", ApprovalState.Rejected),
        Make.Test("Shop.Tests.CartTests.NotLooked", state: null)));

    [Fact]
    public void An_approved_agent_test_gates_as_approved()
    {
        var found = Classifier.Classify("Shop.Tests.CartTests.Approved");

        Assert.Equal((TestKind.Approved, ApprovalState.Approved, false), (found.Kind, found.Approval, found.IsQuarantined));
        Assert.Equal("Shop.Tests.CartTests.Approved", found.AgentTest?.Id);
    }

    [Theory]
    [InlineData("Shop.Tests.CartTests.Unapproved", "unapproved")]
    [InlineData("Shop.Tests.CartTests.Stale", "stale")]
    [InlineData("Shop.Tests.CartTests.Rejected", "rejected")]
    [InlineData("Shop.Tests.CartTests.NotLooked", "unapproved")]
    public void Agent_tests_without_a_valid_approval_are_quarantined(string id, string approval)
    {
        var found = Classifier.Classify(id);

        // The state by its name in the files (ApprovalState is internal to the package, a test method's parameter is public).
        Assert.Equal((TestKind.Quarantined, approval, true), (found.Kind, found.Approval is { } state ? ApprovalStates.Name(state) : null, found.IsQuarantined));
        Assert.Equal(id, found.AgentTest?.Id);
    }

    [Theory]
    [InlineData("Shop.Tests.CartTests.Other")]
    [InlineData("shop.tests.carttests.unapproved")]
    [InlineData("CartTests.Unapproved")]
    public void Tests_the_inventory_does_not_know_gate(string id)
    {
        var found = Classifier.Classify(id);

        Assert.Same(TestClass.Gating, found);
        Assert.Equal((TestKind.Gating, (ApprovalState?)null, false), (found.Kind, found.Approval, found.IsQuarantined));
    }

    [Fact]
    public void A_test_run_as_a_test_of_a_class_inheriting_it_is_classified_as_the_agent_test_and_listed_once()
    {
        var inherited = Make.Test("Shop.Tests.BaseTests.Declared", ApprovalState.Unapproved) with { InheritedBy = ["Shop.Tests.DerivedTests", "Shop.Tests.Outer+Nested"] };
        var approved = Make.Test("Shop.Tests.BaseTests.Reviewed", ApprovalState.Approved) with { InheritedBy = ["Shop.Tests.DerivedTests"] };
        var classifier = new TestClassifier(Make.Inventory(inherited, approved));

        Assert.Equal(
            [inherited, inherited, inherited, approved, approved],
            new[] { "Shop.Tests.BaseTests.Declared", "Shop.Tests.DerivedTests.Declared", "Shop.Tests.Outer+Nested.Declared", "Shop.Tests.BaseTests.Reviewed", "Shop.Tests.DerivedTests.Reviewed" }
                .Select(id => classifier.Classify(id).AgentTest));
        Assert.True(classifier.Classify("Shop.Tests.DerivedTests.Declared").IsQuarantined);
        Assert.Equal(TestKind.Approved, classifier.Classify("Shop.Tests.DerivedTests.Reviewed").Kind);
        Assert.Same(TestClass.Gating, classifier.Classify("Shop.Tests.DerivedTests.Own"));
        Assert.Equal([inherited], classifier.QuarantinedTests);
    }

    [Fact]
    public void Without_an_inventory_every_test_gates()
    {
        var classifier = new TestClassifier(null);

        Assert.Null(classifier.Inventory);
        Assert.Same(TestClass.Gating, classifier.Classify("Shop.Tests.CartTests.Unapproved"));
        Assert.Empty(classifier.QuarantinedTests);
    }

    [Fact]
    public void Quarantined_tests_are_ordered_by_id_and_exclude_approved_ones()
    {
        var classifier = new TestClassifier(Make.Inventory(
            Make.Test("N.T.c", ApprovalState.Unapproved),
            Make.Test("N.T.A", ApprovalState.Approved),
            Make.Test("N.T.B", ApprovalState.Stale),
            Make.Test("N.T.a", state: null)));

        Assert.Equal(["N.T.B", "N.T.a", "N.T.c"], classifier.QuarantinedTests.Select(t => t.Id));
    }

    [Fact]
    public void The_inventory_is_kept()
    {
        var inventory = Make.Inventory(Make.Test("N.T.M", ApprovalState.Approved));

        Assert.Same(inventory, new TestClassifier(inventory).Inventory);
    }

    [Theory]
    [InlineData("Shop.Tests", "CartTests", "Adds_item", "Shop.Tests.CartTests.Adds_item")]
    [InlineData("Shop.Tests", "CartTests+Totals", "Rounds", "Shop.Tests.CartTests+Totals.Rounds")]
    [InlineData(null, "CartTests", "Adds_item", "CartTests.Adds_item")]
    [InlineData("", "CartTests", "Adds_item", "CartTests.Adds_item")]
    public void Test_ids_join_namespace_type_and_method_and_a_string_that_spells_one_is_used(string? @namespace, string type, string method, string expected)
    {
        Assert.Equal(expected, TestClassifier.TestId(@namespace, type, method));
        Assert.Same(expected, TestClassifier.TestId(@namespace, type, method, spelledAs: expected));
    }

    [Theory]
    [InlineData("Shop.Tests", "CartTests", "Adds_item", "Adds_item")]
    [InlineData("Shop.Tests", "CartTests", "Adds_item", "Shop.Tests.CartTests.Adds_item(count: 2)")]
    [InlineData("Shop.Tests", "CartTests", "Adds_item", "Shop.TestsXCartTests.Adds_item")]
    [InlineData("Shop.Tests", "CartTests", "Adds_item", "Shop.Tests.CartTestsXAdds_item")]
    [InlineData("Shop.Tests", "CartTests", "Adds_item", "Shop.Tests.CartTests.Adds_iten")]
    [InlineData("Shop.Tests", "CartTests", "Adds_item", "Shop.Tests")]
    [InlineData("Shop.Tests", "CartTests", "Adds_item", "Shop.Tests.")]
    [InlineData("Shop.Tests", "CartTests", "Adds_item", "CartTests.Adds_item")]
    [InlineData(null, "CartTests", "Adds_item", "Shop.Tests.CartTests.Adds_item")]
    [InlineData("Shop.Tests", "CartTests", "Adds_item", "")]
    public void A_string_that_does_not_spell_the_id_is_not_used(string? @namespace, string type, string method, string displayName)
    {
        var id = TestClassifier.TestId(@namespace, type, method, spelledAs: displayName);

        Assert.Equal(TestClassifier.TestId(@namespace, type, method), id);
        Assert.NotSame(displayName, id);
    }
}
