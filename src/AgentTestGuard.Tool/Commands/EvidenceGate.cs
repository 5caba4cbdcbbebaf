using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Evidence;
using AgentTestGuard.Tool.Workspace;

namespace AgentTestGuard.Tool.Commands;

/// <summary>
/// What approve requires of each test before it may gate: a passing run at its current fingerprint,
/// no flakiness there, and an assertion that can fail (AGT0020). A test lacking any of these is
/// refused, and so is the whole command (nothing is written unless every test may be approved),
/// unless the reviewer gives a reason with --despite, which the ledger line keeps.
/// </summary>
internal static class EvidenceGate
{
    /// <returns>
    /// Whether every test may be approved; when not, each refused test has been named with what it lacks and what to do.
    /// </returns>
    public static bool Admit(IReadOnlyList<(AgentTestRow Row, TestEvidence Evidence)> tests, string? despite, Output output)
    {
        var refused = despite is null ? tests.Where(t => t.Evidence.Missing.Count > 0).ToList() : [];
        foreach (var (row, evidence) in refused)
        {
            var id = Output.Inert(row.Test.Id);
            var lacks = string.Join("; ", evidence.Missing.Select(m => EvidenceText.Missing(m, evidence)));
            var remedies = string.Join("; ", evidence.Missing.Select(EvidenceText.Remedy));
            output.Error($"refused: {id}: {lacks}. To gate, it must pass at its current version, not flake, and be able to fail: {remedies}.");
        }

        if (refused.Count == 0)
        {
            return true;
        }

        output.Error($"Nothing was approved ({refused.Count} of {tests.Count} {(tests.Count == 1 ? "test lacks" : "tests lack")} evidence). "
            + "To approve anyway, say why: dotnet agt approve ... --despite \"<reason>\" (the reason goes in the ledger line).");
        return false;
    }
}
