using AgentTestGuard.Tool.Report.Model;
using AgentTestGuard.Tool.Report.Sources;
using AgentTestGuard.Tool.Report.Timing;

namespace AgentTestGuard.Tool.Report.Building;

/// <summary>Builds the report from what was read: no file is read here, so that every format shows the same facts.</summary>
internal static class QuarantineReportBuilder
{
    public static QuarantineReport Build(ReportInputs inputs)
    {
        var t = ReportTimings.Start("build: evidence");
        var runs = new RunEvidence(inputs.Runs, inputs.History);
        t.Dispose();
        t = ReportTimings.Start("build: tests");
        var tests = TestEntries.Of(inputs.Rows, inputs.Reviews.Reviews, runs, inputs.Root, inputs.Now);
        t.Dispose();
        t = ReportTimings.Start("build: agents");
        var agents = AgentEntries.Of(tests, inputs.Policy, inputs.Reviews.Decisions, inputs.History);
        t.Dispose();
        int Count(ReportTestState state) => tests.Count(t => t.State == state);
        var counts = new ReportCounts(
            AgentTests: tests.Count,
            Quarantined: tests.Count(t => t.IsQuarantined),
            Unapproved: Count(ReportTestState.Unapproved),
            Stale: Count(ReportTestState.Stale),
            Rejected: Count(ReportTestState.Rejected),
            Gating: Count(ReportTestState.Gating),
            Approved: Count(ReportTestState.Approved),
            QuarantinedFailures: tests.Count(t => t.IsQuarantined && t.FailedInLatestRun),
            UnreviewedInFailedEnforcedRun: tests.Count(t => t.BlockedEnforcedRun),
            StoppedAgents: agents.Count(a => a.StopRule?.Stopped == true),
            AgentsAwaitingDecision: agents.Count(a => a.StopRule?.NeedsDecision == true),
            CannotFail: tests.Count(t => t.CannotFail is not null));
        return new QuarantineReport
        {
            GeneratedAt = inputs.Now,
            Repository = inputs.Root,
            Owner = inputs.Policy?.Owner,
            AllowedAgents = inputs.Policy?.Agents ?? [],
            Counts = counts,
            Agents = agents,
            Criteria = CriterionEntries.Of(tests.SelectMany(t => t.Criteria), inputs.Catalog, inputs.Policy),
            Tests = tests,
            Runs = runs.LatestRecords(inputs.Root),
            History = inputs.History is { } history
                ? new ReportHistory(history.Store, history.Runs.Count, history.Runs[0].StartedAt, history.Runs[^1].StartedAt, history.Metrics.Overall.Figures)
                : null,
        };
    }
}
