using AgentTestGuard.Approvals;
using AgentTestGuard.Configuration;
using AgentTestGuard.Decisions;
using AgentTestGuard.Diagnostics;
using AgentTestGuard.History.Metrics;
using AgentTestGuard.Incidents;
using AgentTestGuard.Tool.Cli;

namespace AgentTestGuard.Tool.History;

/// <summary>The repository's review files the metrics read: the approvals ledger, the incident log and the stop-rule decisions.</summary>
internal sealed record ReviewFiles(ReviewRecords Reviews, IReadOnlyList<AgentDecision> Decisions, string DecisionsFile)
{
    /// <returns>null after printing the problems of a file that cannot be read.</returns>
    public static ReviewFiles? Load(HistoryContext context, string folder, Output output)
    {
        var approvals = Read(context.File(ConfigurationFileNames.Approvals, folder), ApprovalLedger.Load, output);
        var incidents = Read(context.File(ConfigurationFileNames.Incidents, folder), IncidentLog.Load, output);
        var decisionsFile = context.File(DecisionLog.FileName, folder);
        var decisions = Read(decisionsFile, DecisionLog.Load, output);
        if (decisions is not null && HumanDecisions.Check(decisions, context.Policy, decisionsFile, out _) is { Count: > 0 } notHuman)
        {
            // As in the build: a decision an agent wrote for itself must not settle its stop rule.
            output.Diagnostics(notHuman);
            decisions = null;
        }

        return approvals is null || incidents is null || decisions is null
            ? null
            : new ReviewFiles(new ReviewRecords(approvals, incidents), decisions, decisionsFile);
    }

    private delegate IReadOnlyList<T>? Loader<T>(string path, out IReadOnlyList<Diagnostic> diagnostics);

    private static IReadOnlyList<T>? Read<T>(string path, Loader<T> load, Output output)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var entries = load(path, out var diagnostics);
        if (entries is null)
        {
            output.Diagnostics(diagnostics);
        }

        return entries;
    }
}
