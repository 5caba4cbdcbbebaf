namespace AgentTestGuard.Tool.Report.Html;

/// <summary>
/// A test's recent outcomes as one letter per run (the page's compact strip): a few letters per
/// test keep a 10,000-test report small. report.js reads the same letters.
/// </summary>
internal static class HtmlOutcomes
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
}
