using AgentTestGuard.History.Records;

namespace AgentTestGuard.History.Store;

/// <summary>A variant's columns as stored; criteria joined by line breaks (an id holds none).</summary>
internal readonly record struct VariantKey(string Assembly, string Test, string Case, string Agent, string Fingerprint, string Criteria)
{
    public static VariantKey Of(string assembly, RecordedResult result) =>
        new(assembly, result.Test, result.Case, result.Agent, result.Fingerprint, JoinCriteria(result.Criteria));

    public static string JoinCriteria(IReadOnlyList<string> criteria) => string.Join('\n', criteria);

    public static IReadOnlyList<string> SplitCriteria(string joined) =>
        joined.Length == 0 ? [] : joined.Split('\n');
}
