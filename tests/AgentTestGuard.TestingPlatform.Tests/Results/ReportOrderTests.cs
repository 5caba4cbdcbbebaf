using AgentTestGuard.TestingPlatform.Classification;
using AgentTestGuard.TestingPlatform.Results;
using AgentTestGuard.TestingPlatform.Tests.TestSupport;
using Xunit;
using TestResult = AgentTestGuard.TestingPlatform.Results.TestResult;

namespace AgentTestGuard.TestingPlatform.Tests.Results;

public sealed class ReportOrderTests
{
    [Fact]
    public void Results_are_ordered_by_id_then_display_name_ordinally()
    {
        List<TestResult> results =
        [
            Make.Result("N.T.b", TestOutcome.Passed, TestClass.Gating, displayName: "b"),
            Make.Result("N.T.B", TestOutcome.Passed, TestClass.Gating, displayName: "z"),
            Make.Result("N.T.B", TestOutcome.Passed, TestClass.Gating, displayName: "a"),
            Make.Result("N.T.A", TestOutcome.Passed, TestClass.Gating, displayName: "q"),
        ];

        results.Sort(ReportOrder.Results);

        Assert.Equal([("N.T.A", "q"), ("N.T.B", "a"), ("N.T.B", "z"), ("N.T.b", "b")], results.Select(r => (r.Id, r.DisplayName)));
    }

    [Fact]
    public void A_test_without_a_display_name_comes_before_its_cases()
    {
        Assert.True(ReportOrder.Compare("N.T.M", null, "N.T.M", "M(1)") < 0);
        Assert.True(ReportOrder.Compare("N.T.M", "M(1)", "N.T.M", null) > 0);
        Assert.Equal(0, ReportOrder.Compare("N.T.M", null, "N.T.M", null));
    }
}
