using AgentTestGuard.Tool.Report.Model;
using AgentTestGuard.Tool.Report.Text;

namespace AgentTestGuard.Tool.Report.Ci;

/// <summary>
/// What the CI annotates: an error on each unreviewed agent test when enforce mode failed the run (the
/// run record's verdict says so), a warning on each quarantined failure and each stale approval, and a
/// warning for each agent whose stop rule waits for a human decision.
/// </summary>
internal static class ReportAnnotations
{
    public static IReadOnlyList<Annotation> Of(QuarantineReport report)
    {
        var annotations = new List<Annotation>();
        foreach (var test in report.Tests.Where(t => t.BlockedEnforcedRun))
        {
            annotations.Add(At(test, AnnotationLevel.Error, "Unreviewed agent test",
                $"{Inert.Quote(test.Id)} (agent {Inert.Quote(test.Agent)}) is {test.State.Name()}, and enforce mode failed the run while agent tests are unreviewed. After review: {test.ApproveCommand}"));
        }

        foreach (var test in report.Tests.Where(t => t.IsQuarantined && t.FailedInLatestRun))
        {
            var failure = test.LastFailure is { } f ? $"{f.Outcome}: {Inert.Quote(ReportText.FirstLine(f.Message, 300))}" : "failed";
            annotations.Add(At(test, AnnotationLevel.Warning, "Quarantined agent test failed",
                $"{Inert.Quote(test.Id)} (agent {Inert.Quote(test.Agent)}, {test.State.Name()}) {failure}. It is quarantined: its failure does not fail the run."));
        }

        foreach (var test in report.Tests.Where(t => t.State == ReportTestState.Stale))
        {
            annotations.Add(At(test, AnnotationLevel.Warning, "Stale approval",
                $"{Inert.Quote(test.Id)} changed since {Inert.Quote(test.Approval?.By)} approved it{(test.Approval is { } a ? " on " + ReportText.Day(a.At) : "")}: it is quarantined until approved again. After review: {test.ApproveCommand}"));
        }

        foreach (var agent in report.Agents.Where(a => a.StopRule?.NeedsDecision == true))
        {
            annotations.Add(new Annotation(AnnotationLevel.Warning, null, null, "Stop rule trips",
                $"The stop rule for {Inert.Quote(agent.Name)} trips ({agent.StopRule!.Summary}): a human decides with `dotnet agt stop` or `dotnet agt continue`."));
        }

        return annotations;
    }

    private static Annotation At(ReportTest test, AnnotationLevel level, string title, string message) =>
        new(level, test.Source?.File, test.Source?.Line, title, message);
}
