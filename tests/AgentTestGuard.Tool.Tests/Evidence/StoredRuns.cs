using AgentTestGuard.History.Metrics;
using AgentTestGuard.History.Records;
using AgentTestGuard.History.Store;
using AgentTestGuard.Tool.Evidence;

namespace AgentTestGuard.Tool.Tests.Evidence;

/// <summary>
/// A history of Shop.Tests built by hand, as the store gives it (<see cref="HistorySnapshot"/>), for
/// the evidence tests: runs with <see cref="Runs.Test"/>'s result at a fingerprint.
/// </summary>
internal sealed class StoredRuns
{
    private readonly List<StoredRun> _runs = [];
    private readonly Dictionary<long, TestVariant> _variants = [];
    private readonly List<StoredResult> _results = [];

    /// <summary>Run <c>run{n}</c> (the id its record has, <see cref="Runs.Run"/>), in CI unless said otherwise.</summary>
    public StoredRuns Run(int n, string? revision, Outcome outcome, string? fingerprint = null, string environment = "ci", params Outcome[] reruns)
    {
        var key = _runs.Count + 1L;
        _runs.Add(new StoredRun(key, $"run{n}", "Shop.Tests", environment, revision, new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero).AddHours(n)));
        var variant = _variants.FirstOrDefault(v => v.Value.Fingerprint == (fingerprint ?? Runs.Current)).Key;
        if (variant == 0)
        {
            variant = _variants.Count + 1L;
            _variants[variant] = new TestVariant("Shop.Tests", Runs.Test, "", "copilot", fingerprint ?? Runs.Current, ["CART-12"]);
        }

        var listed = reruns.Length == 0 ? AttemptOutcomes.None
            : reruns.Append(outcome).Aggregate(AttemptOutcomes.Listed, (all, o) => all | (o == Outcome.Passed ? AttemptOutcomes.Passed : o is Outcome.Failed or Outcome.Error or Outcome.TimedOut ? AttemptOutcomes.Failed : 0));
        _results.Add(new StoredResult(key, variant, outcome, 1 + reruns.Length, listed));
        return this;
    }

    /// <summary>The history's part of the evidence about the test at its current fingerprint.</summary>
    public HistoryEvidence Evidence() =>
        HistoryEvidence.Of(new HistorySnapshot(_runs, _variants, _results, new Dictionary<(string, string), DateTimeOffset>()), [new EvidenceKey("Shop.Tests", Runs.Test, Runs.Current)]);
}
