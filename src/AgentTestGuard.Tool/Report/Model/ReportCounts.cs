namespace AgentTestGuard.Tool.Report.Model;

/// <summary>The numbers at the top of the report.</summary>
/// <param name="Quarantined">Unapproved, stale and rejected together: the tests whose failures do not fail a run.</param>
/// <param name="Gating">Unapproved tests of a project without quarantine (VSTest), which gate (AGT0016).</param>
/// <param name="QuarantinedFailures">Quarantined tests that failed in the latest run of their assembly.</param>
/// <param name="UnreviewedInFailedEnforcedRun">Quarantined tests of an assembly whose latest run enforce mode failed.</param>
/// <param name="StoppedAgents">Agents a human stopped (the latest decision about them is "stop").</param>
/// <param name="CannotFail">Agent tests that cannot fail (AGT0020), whatever their state.</param>
/// <param name="AgentsAwaitingDecision">Agents whose stop rule trips with no human decision since.</param>
internal sealed record ReportCounts(
    int AgentTests,
    int Quarantined,
    int Unapproved,
    int Stale,
    int Rejected,
    int Gating,
    int Approved,
    int QuarantinedFailures,
    int UnreviewedInFailedEnforcedRun,
    int StoppedAgents,
    int AgentsAwaitingDecision,
    int CannotFail = 0);
