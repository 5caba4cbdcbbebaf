using AgentTestGuard.History.Records;

namespace AgentTestGuard.Tool.Report.Html;

/// <summary>
/// A test's recent outcomes as one letter per run (the page's compact strip): a string of a few
/// letters per test keeps a 10,000-test report small. report.js reads the same letters.
/// </summary>
internal static class HtmlOutcomes
{
    /// <summary>How many of a test's latest runs the strip shows.</summary>
    public const int StripLength = 20;

    public static char Letter(Outcome outcome) => outcome switch
    {
        Outcome.Passed => 'p',
        Outcome.Failed => 'f',
        Outcome.Error => 'e',
        Outcome.TimedOut => 't',
        Outcome.Skipped => 's',
        Outcome.Cancelled => 'c',
        _ => 'n',
    };

    /// <summary>The latest <see cref="StripLength"/> outcomes, oldest first.</summary>
    public static string Strip(IEnumerable<Outcome> oldestFirst)
    {
        var letters = oldestFirst.Select(Letter).ToArray();
        return new string(letters[Math.Max(0, letters.Length - StripLength)..]);
    }
}
