using System.Globalization;
using System.Text;
using AgentTestGuard.Approvals;
using AgentTestGuard.Inventory;

namespace AgentTestGuard.TestingPlatform.Results;

/// <summary>
/// The short text printed at the end of every run. Everything an agent could have written (test
/// names, criteria, messages) goes through <see cref="Inert.Quote"/>: the text lands in a terminal.
/// </summary>
internal static class RunSummary
{
    public static string Format(
        IReadOnlyList<TestResult> results,
        IReadOnlyList<AgentTest> notRun,
        RunVerdict verdict,
        string environment,
        Reruns.RerunReport? reruns = null) =>
        Describe(results, notRun, verdict, environment, reruns).Text;

    /// <summary>
    /// The summary, and whether it says more than its counts (something for a reviewer to act on:
    /// quarantined failures, stale approvals, tests not run, enforcement), which makes it a warning.
    /// </summary>
    public static Summary Describe(
        IReadOnlyList<TestResult> results,
        IReadOnlyList<AgentTest> notRun,
        RunVerdict verdict,
        string environment,
        Reruns.RerunReport? reruns = null)
    {
        // One loop rather than LINQ: the summary is made while the run waits, over every result of the run.
        // Tests and results are counted apart: a data-driven test reports a result per case.
        var agentResults = 0;
        var approved = new HashSet<string>(StringComparer.Ordinal);
        var quarantined = new HashSet<string>(StringComparer.Ordinal);
        var stale = new List<TestResult>();
        HashSet<string>? staleIds = null;
        List<TestResult>? flaky = null;
        foreach (var result in results)
        {
            if (result.Class.AgentTest is null)
            {
                continue;
            }

            if (result.Reruns is not null && result.IsFlaky)
            {
                (flaky ??= []).Add(result);
            }

            agentResults++;
            (result.Class.IsQuarantined ? quarantined : approved).Add(result.Id);

            // A data-driven test reports a result per case; its approval is one, and stale once.
            if (result.Class.Approval == ApprovalState.Stale && (staleIds ??= new(StringComparer.Ordinal)).Add(result.Id))
            {
                stale.Add(result);
            }
        }

        stale.Sort(ReportOrder.Results);

        var text = new StringBuilder();
        var agentTests = approved.Count + quarantined.Count;
        text.Append(CultureInfo.InvariantCulture, $"AgentTestGuard: {Plural(agentTests, "agent test")} ran");
        if (agentResults != agentTests)
        {
            text.Append(CultureInfo.InvariantCulture, $", {Plural(agentResults, "result")}");
        }

        text.Append(CultureInfo.InvariantCulture, $": {approved.Count} approved, {quarantined.Count} quarantined");
        text.Append(CultureInfo.InvariantCulture, $"; {Plural(verdict.QuarantinedFailures.Count, "quarantined failure")}");
        text.Append(CultureInfo.InvariantCulture, $"; {Plural(stale.Count, "stale approval")}.");

        if (verdict.QuarantinedFailures.Count > 0)
        {
            text.Append('\n').Append(verdict.IgnoreFailedTestsExitCode
                ? "  Quarantined failures (reported, not failing the run: no gating test failed):"
                : "  Quarantined failures (not counted; the run fails for other reasons):");
            foreach (var failure in verdict.QuarantinedFailures)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"\n    {Inert.Quote(failure.Id)}{Case(failure)} ({ApprovalStates.Name(failure.Class.Approval ?? ApprovalState.Unapproved)}, agent {Inert.Quote(failure.Class.AgentTest!.Agent)}{(DeclaredAs(failure) is { } declared ? $"; declared as {declared}" : "")}): {FailureHeadline.Of(failure.FailureMessage)}");
            }
        }

        if (flaky is not null)
        {
            flaky.Sort(ReportOrder.Results);
            text.Append("\n  Flaky (passed and failed when run again in this run; quarantined, not failing the run):");
            foreach (var result in flaky)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"\n    {Inert.Quote(result.Id)}{Case(result)} ({ApprovalStates.Name(result.Class.Approval ?? ApprovalState.Unapproved)}, agent {Inert.Quote(result.Class.AgentTest!.Agent)}): flaky: passed {result.PassedAttempts} of {result.Attempts} attempts");
            }
        }

        if (reruns?.Stopped is { } stopped)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"\n  Reruns stopped after {Plural(reruns.Rounds, "round")} of {reruns.Requested}: {(stopped == Reruns.RerunReport.Budget ? $"the time budget of {reruns.BudgetSeconds} s was spent" : Inert.Quote(stopped))}; the first results stand.");
        }

        foreach (var result in stale)
        {
            var approval = result.Class.AgentTest!.Approval;
            text.Append(CultureInfo.InvariantCulture,
                $"\n  Stale: {Inert.Quote(result.Id)}{(DeclaredAs(result) is { } declared ? $" (declared as {declared})" : "")} was approved by {Inert.Quote(approval?.Approver)} {(Fingerprint.PredatesCurrentVersion(approval?.ApprovedFingerprint ?? string.Empty) ? ApprovedByVersion : "but has changed since")}; it is quarantined until approved again.");
        }

        if (notRun.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"\n  Not run in environment '{Inert.Quote(environment)}', where the policy does not allow unreviewed agent tests: {Plural(notRun.Count, "quarantined test")}.");
            foreach (var test in notRun)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n    {Inert.Quote(test.Id)}");
            }
        }

        // The listing is the message of enforce mode's failed result, shown where failures are: once.
        if (verdict.FailsForEnforcement)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  Enforce mode fails the run: see the failed result '{EnforcementListing.Title}'.");
        }

        var noteworthy = verdict.QuarantinedFailures.Count > 0 || notRun.Count > 0 || verdict.FailsForEnforcement || stale.Count > 0
            || flaky is not null || reruns?.Stopped is not null;
        return new Summary(text.ToString(), noteworthy);
    }

    /// <summary>The summary's text, and whether it is shown as a warning.</summary>
    public readonly record struct Summary(string Text, bool IsNoteworthy);

    // Approvals bound to an older fingerprint version are stale whether or not the test changed: say so.
    private static readonly string ApprovedByVersion =
        $"before fingerprint version {Fingerprint.CurrentVersion}, which needs every approval once more (docs/fingerprint.md)";

    /// <summary>
    /// Which case of a data-driven test a result is, so that its failed cases tell apart: what the
    /// framework's display name adds to the test's id or method name (" (n: 1)", "(1)"), or the whole
    /// display name in brackets where the test set one of its own. Empty where it adds nothing.
    /// </summary>
    private static string Case(TestResult result)
    {
        var name = result.DisplayName;
        var method = result.Id[(result.Id.LastIndexOf('.') + 1)..];
        var rest = name.StartsWith(result.Id, StringComparison.Ordinal) ? name[result.Id.Length..]
            : name.StartsWith(method, StringComparison.Ordinal) ? name[method.Length..]
            : null;
        return rest switch
        {
            "" => "",
            ['(' or ' ', ..] => " " + Inert.Quote(rest.Trim()),
            _ => $" [{Inert.Quote(name)}]",
        };
    }

    // An agent test that ran as a test of a class inheriting it is approved under the id it was declared with.
    private static string? DeclaredAs(TestResult result) =>
        result.Class.AgentTest is { } test && test.Id != result.Id ? Inert.Quote(test.Id) : null;

    private static string Plural(int count, string noun) =>
        count == 1 ? $"1 {noun}" : string.Create(CultureInfo.InvariantCulture, $"{count} {noun}s");
}
