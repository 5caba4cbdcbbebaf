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
        string environment) =>
        Describe(results, notRun, verdict, environment).Text;

    /// <summary>
    /// The summary, and whether it says more than its counts (something for a reviewer to act on:
    /// quarantined failures, stale approvals, tests not run, enforcement), which makes it a warning.
    /// </summary>
    public static Summary Describe(
        IReadOnlyList<TestResult> results,
        IReadOnlyList<AgentTest> notRun,
        RunVerdict verdict,
        string environment)
    {
        // One loop rather than LINQ: the summary is made while the run waits, over every result of the run.
        var approved = 0;
        var quarantined = 0;
        var stale = new List<TestResult>();
        HashSet<string>? staleIds = null;
        foreach (var result in results)
        {
            if (result.Class.IsQuarantined)
            {
                quarantined++;
            }
            else if (result.Class.AgentTest is not null)
            {
                approved++;
            }

            // A data-driven test reports a result per case; its approval is one, and stale once.
            if (result.Class.Approval == ApprovalState.Stale && (staleIds ??= new(StringComparer.Ordinal)).Add(result.Id))
            {
                stale.Add(result);
            }
        }

        stale.Sort(ReportOrder.Results);

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"AgentTestGuard: {Plural(approved + quarantined, "agent test")} ran: {approved} approved, {quarantined} quarantined");
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
                    $"\n    {Inert.Quote(failure.Id)}{Case(failure)} ({ApprovalStates.Name(failure.Class.Approval ?? ApprovalState.Unapproved)}, agent {Inert.Quote(failure.Class.AgentTest!.Agent)}{(DeclaredAs(failure) is { } declared ? $"; declared as {declared}" : "")}): {Headline(failure.FailureMessage)}");
            }
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

        if (verdict.FailsForEnforcement)
        {
            text.Append('\n').Append(EnforcementMessage(verdict));
        }

        var noteworthy = verdict.QuarantinedFailures.Count > 0 || notRun.Count > 0 || verdict.FailsForEnforcement || stale.Count > 0;
        return new Summary(text.ToString(), noteworthy);
    }

    /// <summary>The summary's text, and whether it is shown as a warning.</summary>
    public readonly record struct Summary(string Text, bool IsNoteworthy);

    // Approvals bound to an older fingerprint version are stale whether or not the test changed: say so.
    private static readonly string ApprovedByVersion =
        $"before fingerprint version {Fingerprint.CurrentVersion}, which needs every approval once more (docs/fingerprint.md)";

    private static readonly string StaleByVersion =
        $"stale: approved before fingerprint version {Fingerprint.CurrentVersion}, review and approve once more (docs/fingerprint.md)";

    /// <summary>Why enforce mode fails the run, and how to fix each cause.</summary>
    public static string EnforcementMessage(RunVerdict verdict)
    {
        var text = new StringBuilder();
        text.Append("AgentTestGuard enforce mode: the run fails");
        if (verdict.OwnerMissingInEnforceMode)
        {
            text.Append("\n  The policy names no owner: add \"owner\": \"Name <email>\" to agenttestguard.policy.json.");
        }

        if (verdict.UnreviewedInEnforceMode.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"\n  {Plural(verdict.UnreviewedInEnforceMode.Count, "agent test")} awaiting human review:");
            foreach (var test in verdict.UnreviewedInEnforceMode)
            {
                var state = test.Approval?.State != ApprovalState.Stale ? "unapproved"
                    : Fingerprint.PredatesCurrentVersion(test.Approval.ApprovedFingerprint ?? string.Empty) ? StaleByVersion
                    : "stale: changed since its approval";
                var criteria = test.Criteria.Count == 0 ? "none" : string.Join(", ", test.Criteria.Select(Inert.Quote));
                text.Append(CultureInfo.InvariantCulture,
                    $"\n    {Inert.Quote(test.Id)} (agent {Inert.Quote(test.Agent)}; criteria {criteria}; {state})");
                text.Append(CultureInfo.InvariantCulture, $"\n      approve: dotnet agt approve {ShellQuote(test.Id)}");
            }
        }

        return text.ToString();
    }

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

    // A message's opening on one line. Not just its first line: some frameworks open with a
    // generic line (MSTest 4: "Assertion failed.") and put what went wrong on the next. A stack
    // trace's frames ("at ...") are left to the full report.
    internal static string Headline(string? message)
    {
        const int MaxLength = 160;
        var lines = (message ?? "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0)
        {
            return "(no message)";
        }

        var text = string.Join(' ', lines.Take(3).TakeWhile((line, i) => i == 0 || !line.StartsWith("at ", StringComparison.Ordinal)));
        return Inert.Quote(text.Length <= MaxLength ? text : text[..MaxLength] + "…");
    }

    // Test ids are C# names, but an id is shown for pasting into a shell: quote anything unusual.
    // A generic type's '`' (Generic`1) is unusual: it starts command substitution in POSIX shells
    // and is the escape character in PowerShell.
    private static string ShellQuote(string id) => Inert.ShellArgument(id);
}
