using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Report.Model;
using AgentTestGuard.Tool.Report.Text;

namespace AgentTestGuard.Tool.Report.Terminal;

/// <summary>
/// The report on a terminal, after `dotnet test`: what is quarantined and why, what failed in
/// quarantine, the stop rule, and what to run next. Aligned columns; colour through <see cref="Output"/>
/// (only on a terminal, never with NO_COLOR); every value an agent wrote is made inert.
/// </summary>
internal static class TerminalSummary
{
    /// <summary>Rows of a list before it is cut: the HTML and JSON reports have every test.</summary>
    public const int MaxRows = 30;

    public static void Write(QuarantineReport report, Output output)
    {
        output.Line($"AgentTestGuard report, {ReportText.Date(report.GeneratedAt)}");
        output.Line(LogText.Show(ReportText.Counts(report.Counts)) + ".");
        output.Line($"Owner: {(report.Owner is null ? "none named in the policy" : LogText.Show(report.Owner))}. Allowed agents: {LogText.Show(string.Join(", ", report.AllowedAgents))}.");
        if (report.Counts.UnreviewedInFailedEnforcedRun > 0)
        {
            output.Line(output.Red($"Enforce mode failed the latest run: {ReportText.EnforceFailed(report.Counts.UnreviewedInFailedEnforcedRun)}."));
        }

        WriteQuarantined(report, output);
        WriteFailures(report, output);
        WriteCannotFail(report, output);
        WriteList(output, "Approved despite missing evidence", report.Tests.Where(t => t.ApprovedDespite is not null), ReportText.Despite);
        WriteList(output, "Flaky in the latest run's reruns", report.Tests.Where(t => t.LatestReruns is { Flaky: true }), t => ReportText.Reruns(t.LatestReruns!));
        WriteStopRules(report, output);
        output.Line();
        output.Line(ReportText.History(report.History) is var history && report.History is null ? output.Dim(history) : LogText.Show(history));
        WriteNext(report, output);
    }

    private static void WriteQuarantined(QuarantineReport report, Output output)
    {
        var quarantined = report.Quarantined.ToList();
        output.Line();
        if (quarantined.Count == 0)
        {
            output.Line(output.Green("No agent test is quarantined."));
            return;
        }

        var rows = quarantined.Take(MaxRows).Select(t => new[]
        {
            t.State.Name(),
            LogText.Show(t.Id),
            LogText.Show(t.Agent),
            LogText.Show(string.Join(", ", t.Criteria)),
            ReportText.Age(t.AgeInQuarantine),
            t.RecentRuns.Count > 0 ? t.RecentRuns[^1].Outcome : "-",
            LogText.Show(ReportText.Source(t)),
            LogText.Show(ReportText.FirstLine(ReportText.Why(t), 100)),
        }).ToList();
        output.Table(["STATE", "TEST", "AGENT", "CRITERIA", "AGE", "LAST RUN", "SOURCE", "WHY"], rows, (_, column, cell) => column switch
        {
            0 => cell.TrimEnd() == "rejected" ? output.Red(cell) : output.Yellow(cell),
            5 => cell.TrimEnd() is "failed" or "error" or "timedOut" ? output.Red(cell) : cell,
            _ => cell,
        });
        WriteCut(quarantined.Count, output);
    }

    private static void WriteFailures(QuarantineReport report, Output output)
    {
        var failed = report.Quarantined.Where(t => t.FailedInLatestRun).ToList();
        if (failed.Count == 0)
        {
            return;
        }

        output.Line();
        output.Line($"Quarantined failures in the latest run ({failed.Count}; they did not fail it):");
        foreach (var test in failed.Take(MaxRows))
        {
            output.Line($"  - {LogText.Show(test.Id)}: {LogText.Show(ReportText.FirstLine(test.LastFailure?.Message ?? test.RecentRuns[^1].Outcome))}");
        }

        WriteCut(failed.Count, output);
    }

    private static void WriteCannotFail(QuarantineReport report, Output output)
    {
        var tests = report.Tests.Where(t => t.CannotFail is not null).ToList();
        if (tests.Count == 0)
        {
            return;
        }

        output.Line();
        output.Line($"Cannot fail (AGT0020; a pass of these proves nothing): {tests.Count}");
        foreach (var test in tests.Take(MaxRows))
        {
            output.Line($"  - {LogText.Show(test.Id)} ({test.State.Name()}): {LogText.Show(test.CannotFail!.Detail)}");
        }

        WriteCut(tests.Count, output);
    }

    private static void WriteList(Output output, string title, IEnumerable<ReportTest> tests, Func<ReportTest, string> text)
    {
        var listed = tests.ToList();
        if (listed.Count == 0)
        {
            return;
        }

        output.Line();
        output.Line($"{title}: {listed.Count}");
        foreach (var test in listed.Take(MaxRows))
        {
            output.Line($"  - {LogText.Show(test.Id)} ({test.State.Name()}): {LogText.Show(text(test))}");
        }

        WriteCut(listed.Count, output);
    }

    private static void WriteStopRules(QuarantineReport report, Output output)
    {
        var rules = report.Agents.Where(a => a.StopRule is not null).ToList();
        if (rules.Count == 0)
        {
            return;
        }

        output.Line();
        output.Line("Stop rule:");
        var width = rules.Max(a => LogText.Show(a.Name).Length);
        foreach (var agent in rules)
        {
            var text = LogText.Show(ReportText.StopRule(agent.StopRule));
            output.Line($"  - {LogText.Show(agent.Name).PadRight(width)}  {(agent.StopRule!.State is "stopped" or "trips" ? output.Red(text) : text)}");
        }
    }

    private static void WriteNext(QuarantineReport report, Output output)
    {
        var approvable = report.Tests.Where(t => t.State is ReportTestState.Unapproved or ReportTestState.Stale or ReportTestState.Gating).ToList();
        if (approvable.Count == 0)
        {
            return;
        }

        output.Line();
        output.Line("After review, approve with (or reject with `dotnet agt reject <test> --reason \"...\"`):");
        foreach (var test in approvable.Take(MaxRows))
        {
            output.Line($"  {LogText.Show(test.ApproveCommand)}");
        }

        WriteCut(approvable.Count, output);
    }

    private static void WriteCut(int count, Output output)
    {
        if (count > MaxRows)
        {
            output.Line(output.Dim($"  ... and {count - MaxRows} more: `dotnet agt report --html` lists every test."));
        }
    }
}
