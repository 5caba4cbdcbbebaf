using AgentTestGuard.Inventory;
using AgentTestGuard.TestingPlatform.Results;
using AgentTestGuard.TestingPlatform.Settings;

namespace AgentTestGuard.TestingPlatform.Session;

/// <summary>What a session's results mean, decided once when it ends (<see cref="QuarantineGate.ConcludeAsync"/>).</summary>
/// <param name="Session">The platform's uid of the session.</param>
/// <param name="NotRun">Quarantined tests the environment kept from executing.</param>
/// <param name="RecordPath">Where the run record is being written.</param>
internal sealed record SessionEnd(
    string Session,
    IReadOnlyList<TestResult> Results,
    IReadOnlyList<AgentTest> NotRun,
    RunVerdict Verdict,
    RunSettings Settings,
    bool Cancelled,
    string RecordPath)
{
    /// <summary>What early flake detection did (the record's run-level "reruns"); null when it did not apply.</summary>
    public Reruns.RerunReport? Reruns { get; init; }
}
