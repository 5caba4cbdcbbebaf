namespace AgentTestGuard.TestingPlatform.Results;

/// <summary>
/// A failure message's decisive part on one line, for the summary: its opening, and what was
/// expected and what came instead. Not just the first line: some frameworks open with a generic
/// line (MSTest 4: "Assertion failed.") and put what went wrong on the next; xunit's string diff
/// puts pointer lines ("↓ (pos 8)") between its opening and its Expected and Actual lines, which
/// are what a reviewer needs. A stack trace's frames ("at ...") are left to the full report.
/// </summary>
internal static class FailureHeadline
{
    /// <summary>The longest a line is shown; longer ones end in "…".</summary>
    public const int MaxLineLength = 160;

    /// <summary>Lines shown besides the expected and actual values.</summary>
    private const int OpeningLines = 3;

    public static string Of(string? message)
    {
        var lines = (message ?? "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var kept = new List<string>();
        var opening = 0;
        foreach (var line in lines)
        {
            if (kept.Count > 0 && line.StartsWith("at ", StringComparison.Ordinal))
            {
                break;
            }

            if (IsPointer(line))
            {
                continue;
            }

            if (IsValue(line))
            {
                kept.Add(Cut(line));

                // What came instead ends what a reviewer needs; the rest is the framework's detail.
                if (IsActual(line))
                {
                    break;
                }
            }
            else if (opening++ < OpeningLines)
            {
                kept.Add(Cut(line));
            }
        }

        return kept.Count == 0 ? "(no message)" : Inert.Quote(string.Join(' ', kept));
    }

    // xunit: "Expected: ...", "Actual:   ..."; NUnit: "Expected: ...", "But was:  ...".
    private static bool IsValue(string line) =>
        line.StartsWith("Expected:", StringComparison.Ordinal) || IsActual(line);

    private static bool IsActual(string line) =>
        line.StartsWith("Actual:", StringComparison.Ordinal) || line.StartsWith("But was:", StringComparison.Ordinal);

    // xunit's markers of where two strings or collections differ: "↓ (pos 8)", "↑ (pos 8)".
    private static bool IsPointer(string line) => line[0] is '↓' or '↑';

    private static string Cut(string line) => line.Length <= MaxLineLength ? line : line[..MaxLineLength] + "…";
}
