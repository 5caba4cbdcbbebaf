using System.Globalization;
using System.Text;
using AgentTestGuard.Approvals;
using AgentTestGuard.Incidents;
using AgentTestGuard.Inventory;

namespace AgentTestGuard.TestingPlatform.Results;

/// <summary>
/// Why enforce mode fails the run, and how to fix each cause: the message of the one failed result
/// enforce mode adds (<see cref="Title"/>). It is shown once, where failures are shown; the summary
/// only points at it. Everything an agent could have written goes through <see cref="Inert.Quote"/>.
/// </summary>
internal static class EnforcementListing
{
    /// <summary>The display name of the failed result enforce mode adds.</summary>
    public const string Title = "AgentTestGuard enforce mode";

    /// <param name="rejectionOf">
    /// The current rejection of a test (incident log: same assembly, test and fingerprint), if any:
    /// a rejected test is listed as rejected, with who rejected it and why, and no approve command.
    /// </param>
    public static string Format(RunVerdict verdict, Func<AgentTest, Incident?>? rejectionOf = null)
    {
        var text = new StringBuilder();
        text.Append(Title).Append(": the run fails");
        if (verdict.OwnerMissingInEnforceMode)
        {
            text.Append("\n  The policy names no owner: add \"owner\": \"Name <email>\" to agenttestguard.policy.json.");
        }

        var awaiting = new List<AgentTest>();
        var rejected = new List<(AgentTest Test, Incident Rejection)>();
        foreach (var test in verdict.UnreviewedInEnforceMode)
        {
            if (rejectionOf?.Invoke(test) is { } rejection)
            {
                rejected.Add((test, rejection));
            }
            else
            {
                awaiting.Add(test);
            }
        }

        if (awaiting.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  {Plural(awaiting.Count, "agent test")} awaiting human review:");
            foreach (var test in awaiting)
            {
                var state = test.Approval?.State != ApprovalState.Stale ? "unapproved"
                    : Fingerprint.PredatesCurrentVersion(test.Approval.ApprovedFingerprint ?? string.Empty) ? StaleByVersion
                    : "stale: changed since its approval";
                var flaky = verdict.FlakyTests.Contains(test.Id) ? "; flaky" : "";
                text.Append(CultureInfo.InvariantCulture, $"\n    {Inert.Quote(test.Id)} ({Describe(test)}; {state}{flaky})");
                text.Append(CultureInfo.InvariantCulture, $"\n      approve: dotnet agt approve {ShellQuote(test.Id)}");
            }
        }

        if (rejected.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  {Plural(rejected.Count, "agent test")} rejected:");
            foreach (var (test, rejection) in rejected)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"\n    {Inert.Quote(test.Id)} ({Describe(test)}; rejected by {Inert.Quote(rejection.By)} on {rejection.At.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: {Inert.Quote(rejection.Reason)})");
                text.Append("\n      change the test (it then awaits review again) or remove it");
            }
        }

        return text.ToString();
    }

    // Approvals bound to an older fingerprint version are stale whether or not the test changed: say so.
    private static readonly string StaleByVersion =
        $"stale: approved before fingerprint version {Fingerprint.CurrentVersion}, review and approve once more (docs/fingerprint.md)";

    private static string Describe(AgentTest test)
    {
        var criteria = test.Criteria.Count == 0 ? "none" : string.Join(", ", test.Criteria.Select(Inert.Quote));
        return $"agent {Inert.Quote(test.Agent)}; criteria {criteria}";
    }

    private static string Plural(int count, string noun) =>
        count == 1 ? $"1 {noun}" : string.Create(CultureInfo.InvariantCulture, $"{count} {noun}s");

    // Test ids are C# names, but an id is shown for pasting into a shell: quote anything unusual.
    private static string ShellQuote(string id) => Inert.ShellArgument(id);
}
