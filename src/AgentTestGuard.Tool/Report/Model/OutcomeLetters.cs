namespace AgentTestGuard.Tool.Report.Model;

/// <summary>
/// A test's recent outcomes as one letter per run: the HTML page's compact strip and the JSON
/// report's <c>recentRuns.outcomes</c> (docs/report.md). A few letters per test keep a 10,000-test
/// report small; report.js reads the same letters.
/// </summary>
internal static class OutcomeLetters
{
    public static char Letter(string outcome) => outcome switch
    {
        "passed" => 'p',
        "failed" => 'f',
        "error" => 'e',
        "timedOut" => 't',
        "skipped" => 's',
        "cancelled" => 'c',
        _ => 'n',
    };

    /// <summary>The letters of <paramref name="outcomes"/>, in their order.</summary>
    public static string Of(IReadOnlyList<ReportOutcome> outcomes) => string.Create(outcomes.Count, outcomes, static (letters, runs) =>
    {
        for (var i = 0; i < letters.Length; i++)
        {
            letters[i] = Letter(runs[i].Outcome);
        }
    });
}
