using AgentTestGuard.Approvals;
using AgentTestGuard.History.Metrics;
using AgentTestGuard.Incidents;
using AgentTestGuard.Tool.Report.Model;
using AgentTestGuard.Tool.Workspace;

namespace AgentTestGuard.Tool.Report.Building;

/// <summary>Each agent test as the report shows it, in the report's order.</summary>
internal static class TestEntries
{
    public static IReadOnlyList<ReportTest> Of(IReadOnlyList<AgentTestRow> rows, ReviewRecords reviews, RunEvidence runs, string root, DateTimeOffset now)
    {
        // The ledger's latest approval of each test, for its note (the inventory keeps who and when only).
        var notes = reviews.Approvals
            .GroupBy(a => (a.Assembly, a.Test))
            .ToDictionary(g => g.Key, g => g.MaxBy(a => a.At)!);
        var incidents = reviews.Incidents;
        // The latest rejection of each test's version, found once rather than by a scan of the log per test.
        var rejections = incidents
            .Where(i => i.Kind == IncidentKind.Rejection && i.Assembly is not null && i.Test is not null && i.Fingerprint is not null)
            .GroupBy(i => (i.Assembly!, i.Test!, i.Fingerprint!))
            .ToDictionary(g => g.Key, g => g.MaxBy(i => i.At)!);
        return [.. rows
            .Select(row => Of(row, notes.GetValueOrDefault((row.Project.AssemblyName, row.Test.Id)), rejections.GetValueOrDefault((row.Project.AssemblyName, row.Test.Id, row.Test.Fingerprint)), runs, root, now))
            .OrderBy(t => t.State)
            .ThenBy(t => t.Criteria.Count > 0 ? t.Criteria[0] : "\uffff", StringComparer.Ordinal)
            .ThenBy(t => t.Assembly, StringComparer.Ordinal)
            .ThenBy(t => t.Id, StringComparer.Ordinal)];
    }

    private static ReportTest Of(AgentTestRow row, Approval? ledger, Incident? rejection, RunEvidence runs, string root, DateTimeOffset now)
    {
        var test = row.Test;
        var assembly = row.Project.AssemblyName;
        var state = State(row);
        var approval = test.Approval is { Approver: { } approver, At: { } at }
            ? new ReportDecision(approver, at, ledger is not null && ledger.Approver == approver && ledger.At == at ? ledger.Note : null)
            : null;
        var rejectedBy = test.Approval?.Rejection is { } r ? new ReportDecision(r.By, r.At, r.Reason)
            : rejection is not null ? new ReportDecision(rejection.By, rejection.At, rejection.Reason)
            : null;
        var since = state.IsQuarantined() ? QuarantinedSince(state, runs.FirstSeen(assembly, test.Id), approval) : null;
        var outcomes = runs.Outcomes(assembly, test.Id);
        var latest = outcomes.Count > 0 && runs.IsLatestRun(assembly, outcomes[^1]) ? outcomes[^1] : null;
        var figures = runs.Figures(assembly, test.Id);
        var history = runs.HasHistory;
        return new ReportTest
        {
            Id = test.Id,
            Assembly = assembly,
            Project = RepositoryPaths.Relative(root, row.Project.ProjectFile),
            Agent = test.Agent,
            Evidence = new ReportEvidence(test.Evidence.Model, test.Evidence.Session, test.Evidence.Prompt),
            Source = test.Source is { } source ? new ReportSource(RepositoryPaths.Relative(root, source.File), source.Line) : null,
            State = state,
            Criteria = test.Criteria,
            QuarantinedSince = since,
            AgeInQuarantine = since is { } s ? (now > s ? now - s : TimeSpan.Zero) : null,
            Approval = approval,
            Rejection = state == ReportTestState.Rejected ? rejectedBy : null,
            RecentRuns = outcomes,
            Attempts = latest?.Attempts ?? 0,
            Flaky = history ? figures?.FlakyTests > 0 : null,
            DefectsCaught = history ? figures?.DefectsCaught ?? 0 : null,
            FalseAlarms = history ? figures?.FalseAlarms ?? 0 : null,
            LastFailure = runs.LastFailure(assembly, test.Id),
            FailedInLatestRun = latest?.IsFailure == true,
            BlockedEnforcedRun = state.IsQuarantined() && runs.EnforceFailedLatest(assembly),
            CannotFail = test.CannotFail,
            ApprovedDespite = ledger is { Despite: { } despite } && approval is not null && ledger.Approver == approval.By && ledger.At == approval.At
                ? new ReportDespite(despite, ledger.Overrode)
                : null,
            LatestReruns = runs.LatestReruns(assembly, test.Id),
            ApproveCommand = ReviewCommands.Approve(test.Id),
            RejectCommand = ReviewCommands.Reject(test.Id),
        };
    }

    private static ReportTestState State(AgentTestRow row) => row.Rejected ? ReportTestState.Rejected : row.State switch
    {
        ApprovalState.Approved => ReportTestState.Approved,
        ApprovalState.Stale => ReportTestState.Stale,
        _ => row.Project.Quarantines ? ReportTestState.Unapproved : ReportTestState.Gating,
    };

    /// <summary>
    /// A stale test has been quarantined since it changed, after its approval; any other since it was
    /// first seen. Null when no run saw it (a test added since the last run).
    /// </summary>
    private static DateTimeOffset? QuarantinedSince(ReportTestState state, DateTimeOffset? firstSeen, ReportDecision? approval) =>
        state == ReportTestState.Stale && approval is not null && firstSeen is { } seen && seen < approval.At ? approval.At : firstSeen;
}
