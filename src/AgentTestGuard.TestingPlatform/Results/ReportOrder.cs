namespace AgentTestGuard.TestingPlatform.Results;

/// <summary>
/// The order reports list tests in: by id, then display name (the cases of a theory share an id),
/// ordinally. Results arrive in whatever order the tests finished, so every list a user or a
/// diff sees is put in this order.
/// </summary>
internal static class ReportOrder
{
    public static readonly Comparison<TestResult> Results =
        (left, right) => Compare(left.Id, left.DisplayName, right.Id, right.DisplayName);

    /// <summary>
    /// A test without a display name comes before the cases of its id that have one: in the record,
    /// a test that did not run, or one whose display name is its id and so is left out.
    /// </summary>
    public static int Compare(string leftId, string? leftDisplayName, string rightId, string? rightDisplayName)
    {
        var byId = string.CompareOrdinal(leftId, rightId);
        return byId != 0 ? byId : string.CompareOrdinal(leftDisplayName, rightDisplayName);
    }
}
