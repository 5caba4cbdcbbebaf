using AgentTestGuard.Approvals;
using AgentTestGuard.Tool.Cli;

namespace AgentTestGuard.Tool.Evidence;

/// <summary>The evidence in the words the tool prints: short, and inert where an agent wrote the text (criteria, details).</summary>
internal static class EvidenceText
{
    /// <summary>"3 runs, 7 attempts: 3 passed, 0 failed", or "no run" for a test that never ran at this fingerprint.</summary>
    public static string Runs(TestEvidence evidence) => evidence.Runs == 0
        ? "no run at this fingerprint"
        : $"{Count(evidence.Runs, "run")}, {Count(evidence.Attempts, "attempt")}: {evidence.PassingRuns} passed, {evidence.FailingRuns} failed";

    /// <summary>Whether it flaked; a test that was never rerun says how to look for flakiness.</summary>
    public static string Flakiness(TestEvidence evidence) =>
        evidence.Flaky ? "flaky"
        : evidence.Runs == 0 ? "not known"
        : evidence.Attempts > evidence.Runs ? "not flaky"
        : "not flaky, never rerun (dotnet test --agt-reruns 5 looks for flakiness)";

    /// <summary>"can fail", or why the build found it cannot (AGT0020).</summary>
    public static string CanFail(TestEvidence evidence) => evidence.CannotFail is { } finding
        ? $"cannot fail (AGT0020, {finding.ReasonName}: {Output.Inert(finding.Detail)})"
        : "can fail";

    /// <summary>The criterion's id and its catalog text, both inert.</summary>
    public static string Criterion(EvidenceCriterion criterion) =>
        criterion.Text is { } text ? $"{Output.Inert(criterion.Id)}  {Output.Inert(text)}" : $"{Output.Inert(criterion.Id)}  (not in the catalog)";

    /// <summary>What one missing piece of evidence is, in a few words, with the figures behind it.</summary>
    public static string Missing(string name, TestEvidence evidence) => name switch
    {
        MissingEvidence.NoPassingRun => $"no passing run at its current fingerprint ({Runs(evidence)})",
        MissingEvidence.Flaky => $"flaky at its current fingerprint ({Runs(evidence)})",
        MissingEvidence.CannotFail => CanFail(evidence),
        _ => name,
    };

    /// <summary>What to do about one missing piece of evidence.</summary>
    public static string Remedy(string name) => name switch
    {
        MissingEvidence.NoPassingRun => "run `dotnet test` and approve it once it passes",
        MissingEvidence.Flaky => "make it deterministic, then check with `dotnet test --agt-reruns 5`",
        MissingEvidence.CannotFail => "make it assert what it checks",
        _ => name,
    };

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
