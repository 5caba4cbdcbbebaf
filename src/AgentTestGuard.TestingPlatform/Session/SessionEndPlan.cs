using AgentTestGuard.Inventory;
using AgentTestGuard.TestingPlatform.ExitCode;
using AgentTestGuard.TestingPlatform.Results;
using static AgentTestGuard.TestingPlatform.Session.SessionEndAction;

namespace AgentTestGuard.TestingPlatform.Session;

/// <summary>What the shell found about the process when the session ended, besides the session's results.</summary>
/// <param name="DecisionFilePath">Where a controller process wants the decision, as it was when the test app started.</param>
/// <param name="ExclusionProblem">Why unreviewed tests could not be told apart, so that no test ran.</param>
/// <param name="HasInventory">Whether the build's inventory was read: without one there is nothing to summarize.</param>
/// <param name="UnderDotnetTest">Whether dotnet test runs the test app (it shows none of its messages).</param>
/// <param name="IsServer">Whether the test app is a server (an IDE's test explorer) running many sessions.</param>
internal sealed record SessionEndFacts(
    string? DecisionFilePath,
    string? ExclusionProblem,
    bool HasInventory,
    bool UnderDotnetTest,
    bool IsServer);

/// <summary>
/// The end of a session, decided without doing any of it: from the session's verdict
/// (<see cref="SessionEnd"/>) and what the shell found (<see cref="SessionEndFacts"/>), the actions
/// to take, in order. <see cref="SessionEndShell"/> takes them.
/// </summary>
internal static class SessionEndPlan
{
    public static IReadOnlyList<SessionEndAction> Decide(SessionEnd end, SessionEndFacts facts)
    {
        var verdict = end.Verdict;

        // Set whatever the verdict, from what the user set before any test ran: a test may have set
        // the variable, or written the controller's decision file, to turn its failure into a pass.
        var actions = new List<SessionEndAction> { new SettleExitCode(verdict.IgnoreFailedTestsExitCode) };
        if (facts.DecisionFilePath is { } decisionFile)
        {
            actions.Add(new WriteDecisionFile(decisionFile, DecisionFile.For(verdict.IgnoreFailedTestsExitCode)));
        }

        if (verdict.FailsForEnforcement && !end.Cancelled)
        {
            actions.Add(new PublishEnforcementFailure(verdict));
        }

        if (facts.ExclusionProblem is { } problem)
        {
            actions.Add(new ShowError(
                $"AgentTestGuard: no test ran: environment '{Inert.Quote(end.Settings.Environment)}' does not allow unreviewed agent tests, and they could not be told apart: {Inert.Quote(problem)}"));
        }

        if (facts.HasInventory)
        {
            // The .NET 10 SDK's dotnet test (protocol 1.0.0) drops a test app's display messages and
            // shows its standard error only when the app fails; there the summary at least explains
            // the failure. docs/run-time.md says more.
            var (summary, noteworthy) = RunSummary.Describe(end.Results, end.NotRun, verdict, end.Settings.Environment, end.Reruns);
            actions.Add(new ShowSummary(summary, noteworthy, ToStandardError: facts.UnderDotnetTest));
        }

        if (facts.UnderDotnetTest)
        {
            actions.AddRange(QuarantineNotice.Files(end.RecordPath, verdict).Select(notice => new PublishNotice(notice)));
        }

        // Named now, while the session can still publish; the file is complete before the test app exits.
        actions.Add(new PublishRecord(end.RecordPath));
        if (facts.IsServer)
        {
            actions.Add(new FinishRecords());
        }

        return actions;
    }

    /// <summary>The quarantined tests that did not execute: those the environment kept from running.</summary>
    public static IReadOnlyList<AgentTest> NotExecuted(IReadOnlyList<AgentTest> quarantined, IReadOnlyList<TestResult> results)
    {
        var executed = results.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        return quarantined.Where(t => !executed.Contains(t.Id)).ToList();
    }
}
