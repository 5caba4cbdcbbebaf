using AgentTestGuard.Tool.Report.Model;
using AgentTestGuard.Tool.Report.Text;
using static AgentTestGuard.Tool.Report.Markdown.MarkdownText;

namespace AgentTestGuard.Tool.Report.Markdown;

/// <summary>
/// The short report for a CI job summary or a pull-request comment: counts, what is quarantined and
/// why, quarantined failures, stale approvals, stopped agents, and the commands to approve. Long
/// lists are cut (the HTML and JSON reports have everything): GitHub keeps at most 1 MiB of a step summary.
/// </summary>
internal sealed class MarkdownReport : IReportRenderer
{
    /// <summary>Rows of a list before it is cut.</summary>
    public const int MaxRows = 50;

    public string Option => "--markdown";

    public string DefaultFileName => "agenttestguard-report.md";

    public void Write(QuarantineReport report, TextWriter writer)
    {
        writer.Write("## AgentTestGuard: agent tests\n\n");
        writer.Write($"{Escape(ReportText.Counts(report.Counts))}.  \n");
        writer.Write($"Owner: {(report.Owner is null ? "none named in the policy" : Escape(report.Owner))}. Allowed agents: {Escape(string.Join(", ", report.AllowedAgents))}. Made {Escape(ReportText.Date(report.GeneratedAt))}.\n\n");
        if (report.Counts.UnreviewedInFailedEnforcedRun > 0)
        {
            writer.Write($"> **Enforce mode failed the run**: {ReportText.EnforceFailed(report.Counts.UnreviewedInFailedEnforcedRun)}. Approve or reject each (commands below).\n\n");
        }

        WriteAgents(report, writer);
        WriteQuarantined(report, writer);
        WriteFailures(report, writer);
        WriteCannotFail(report, writer);
        WriteList(writer, "Approved despite missing evidence", report.Tests.Where(t => t.ApprovedDespite is not null), ReportText.Despite);
        WriteList(writer, "Flaky in the latest run's reruns", report.Tests.Where(t => t.LatestReruns is { Flaky: true }), t => ReportText.Reruns(t.LatestReruns!));
        WriteStale(report, writer);
        WriteCommands(report, writer);
        writer.Write($"{Escape(ReportText.History(report.History))}\n");
    }

    private static void WriteAgents(QuarantineReport report, TextWriter writer)
    {
        var attention = report.Agents.Where(a => a.StopRule is { State: "stopped" or "trips" }).ToList();
        if (attention.Count == 0)
        {
            return;
        }

        writer.Write("### Stop rule\n\n");
        foreach (var agent in attention)
        {
            writer.Write($"- **{Escape(agent.Name)}**: {Escape(ReportText.StopRule(agent.StopRule))}\n");
        }

        writer.Write('\n');
    }

    private static void WriteQuarantined(QuarantineReport report, TextWriter writer)
    {
        var quarantined = report.Quarantined.ToList();
        if (quarantined.Count == 0)
        {
            writer.Write("No agent test is quarantined.\n\n");
            return;
        }

        writer.Write($"### Quarantined ({quarantined.Count})\n\n| test | agent | criteria | why | age | source |\n| --- | --- | --- | --- | --- | --- |\n");
        foreach (var test in quarantined.Take(MaxRows))
        {
            writer.Write($"| {Escape(test.Id)} | {Escape(test.Agent)} | {Escape(string.Join(", ", test.Criteria))} | {Escape(ReportText.Why(test))} | {Escape(ReportText.Age(test.AgeInQuarantine))} | {Escape(ReportText.Source(test))} |\n");
        }

        WriteCut(quarantined.Count, writer);
    }

    private static void WriteFailures(QuarantineReport report, TextWriter writer)
    {
        var failed = report.Quarantined.Where(t => t.FailedInLatestRun).ToList();
        if (failed.Count == 0)
        {
            return;
        }

        writer.Write($"### Quarantined failures ({failed.Count})\n\nThese failed in the latest run and did not fail it.\n\n| test | outcome | message |\n| --- | --- | --- |\n");
        foreach (var test in failed.Take(MaxRows))
        {
            writer.Write($"| {Escape(test.Id)} | {Escape(test.LastFailure?.Outcome ?? "failed")} | {Escape(ReportText.FirstLine(test.LastFailure?.Message ?? ""))} |\n");
        }

        WriteCut(failed.Count, writer);
    }

    /// <summary>Every agent test that cannot fail, approved ones too: a passing run of it proves nothing.</summary>
    private static void WriteCannotFail(QuarantineReport report, TextWriter writer)
    {
        var tests = report.Tests.Where(t => t.CannotFail is not null).ToList();
        if (tests.Count == 0)
        {
            return;
        }

        writer.Write($"### Cannot fail ({tests.Count})\n\nAGT0020: a pass of these proves nothing.\n\n| test | state | why |\n| --- | --- | --- |\n");
        foreach (var test in tests.Take(MaxRows))
        {
            writer.Write($"| {Escape(test.Id)} | {Escape(test.State.Name())} | {Escape(test.CannotFail!.Detail)} |\n");
        }

        WriteCut(tests.Count, writer);
    }

    private static void WriteList(TextWriter writer, string title, IEnumerable<ReportTest> tests, Func<ReportTest, string> text)
    {
        var listed = tests.ToList();
        if (listed.Count == 0)
        {
            return;
        }

        writer.Write($"### {title} ({listed.Count})\n\n| test | state | what |\n| --- | --- | --- |\n");
        foreach (var test in listed.Take(MaxRows))
        {
            writer.Write($"| {Escape(test.Id)} | {Escape(test.State.Name())} | {Escape(text(test))} |\n");
        }

        WriteCut(listed.Count, writer);
    }

    private static void WriteStale(QuarantineReport report, TextWriter writer)
    {
        var stale = report.Tests.Where(t => t.State == ReportTestState.Stale).ToList();
        if (stale.Count == 0)
        {
            return;
        }

        writer.Write($"### Stale approvals ({stale.Count})\n\nThe test changed since it was approved: it is quarantined until approved again.\n\n| test | approved by | on |\n| --- | --- | --- |\n");
        foreach (var test in stale.Take(MaxRows))
        {
            writer.Write($"| {Escape(test.Id)} | {Escape(test.Approval?.By)} | {Escape(test.Approval is { } a ? ReportText.Day(a.At) : "")} |\n");
        }

        WriteCut(stale.Count, writer);
    }

    /// <summary>The approve commands of the tests a reviewer can approve (a rejected version cannot be).</summary>
    private static void WriteCommands(QuarantineReport report, TextWriter writer)
    {
        var approvable = report.Tests.Where(t => t.State is ReportTestState.Unapproved or ReportTestState.Stale or ReportTestState.Gating).ToList();
        if (approvable.Count == 0)
        {
            return;
        }

        writer.Write("### To approve, after review\n\n");
        writer.Write(CodeBlock(approvable.Take(MaxRows).Select(t => t.ApproveCommand), "sh"));
        writer.Write("\n\n");
        if (approvable.Count > MaxRows)
        {
            writer.Write($"and {approvable.Count - MaxRows} more: see `dotnet agt status`.\n\n");
        }
    }

    private static void WriteCut(int count, TextWriter writer) =>
        writer.Write(count > MaxRows ? $"\nand {count - MaxRows} more (the HTML and JSON reports list every test).\n\n" : "\n");
}
