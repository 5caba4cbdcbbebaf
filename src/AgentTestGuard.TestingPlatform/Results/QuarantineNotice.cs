using System.Globalization;
using System.Text;
using AgentTestGuard.Approvals;

namespace AgentTestGuard.TestingPlatform.Results;

/// <summary>
/// What tells a developer under <c>dotnet test</c> that the quarantined failures it shows do not
/// fail the run. The .NET 10 SDK's dotnet test shows a test app's standard output and error only
/// when the app fails, and forwards none of its messages; what it always shows, besides results,
/// is the path of each file artifact. So, when only quarantined tests failed, each quarantined
/// failed test gets a file, named for the test in a folder that says it does not fail the run,
/// beside the run record: dotnet test then lists
/// <c>.../Shop.Tests.20261206T050158Z.7badd93b.quarantined-not-failing-the-run/Shop.Tests.CartTests.Removes_item.txt</c>.
/// Each file holds the test's failures and why they do not count.
/// </summary>
internal static class QuarantineNotice
{
    public const string FolderSuffix = ".quarantined-not-failing-the-run";

    private const int MaxNameLength = 120;

    /// <summary>A file to write and name as an artifact.</summary>
    public readonly record struct NoticeFile(string Path, string Content);

    /// <summary>The files, one per quarantined test that failed; none unless the run passes because every failure is quarantined.</summary>
    /// <param name="recordPath">The run record's path; the folder is named after it, so parallel runs never share one.</param>
    public static IReadOnlyList<NoticeFile> Files(string recordPath, RunVerdict verdict)
    {
        if (!verdict.IgnoreFailedTestsExitCode)
        {
            return [];
        }

        var name = Path.GetFileName(recordPath);
        var stem = name.EndsWith(Record.RunRecordDocument.FileSuffix, StringComparison.Ordinal) ? name[..^Record.RunRecordDocument.FileSuffix.Length] : name;
        var folder = Path.Combine(Path.GetDirectoryName(recordPath) ?? "", stem + FolderSuffix);

        // The failures are in report order, so a test's cases are together.
        var files = new List<NoticeFile>();
        foreach (var failures in verdict.QuarantinedFailures.GroupBy(f => f.Id, StringComparer.Ordinal))
        {
            var fileName = SafeName(failures.Key);
            if (files.Any(f => Path.GetFileName(f.Path) == fileName + ".txt"))
            {
                fileName += "." + files.Count.ToString(CultureInfo.InvariantCulture);
            }

            files.Add(new NoticeFile(Path.Combine(folder, fileName + ".txt"), Content(failures.ToList())));
        }

        return files;
    }

    private static string Content(List<TestResult> failures)
    {
        var first = failures[0];
        var test = first.Class.AgentTest!;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"AgentTestGuard: {Inert.Quote(first.Id)} is quarantined ({ApprovalStates.Name(first.Class.Approval ?? ApprovalState.Unapproved)}, agent {Inert.Quote(test.Agent)}): its failures are reported and do not fail the run; no gating test failed.\n");
        foreach (var failure in failures)
        {
            text.Append('\n').Append(Inert.Quote(failure.DisplayName)).Append('\n');
            foreach (var line in (failure.FailureMessage ?? "(no message)").Split('\n'))
            {
                text.Append("  ").Append(Inert.Quote(line.TrimEnd('\r'))).Append('\n');
            }
        }

        return text.ToString();
    }

    // Test ids are C# names, which may hold letters of any script and formatting characters; a
    // file name that lands in a terminal keeps only the plainest.
    private static string SafeName(string id)
    {
        var name = new StringBuilder(Math.Min(id.Length, MaxNameLength));
        foreach (var c in id.Take(MaxNameLength))
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '+' or '-' ? c : '_');
        }

        return name.ToString();
    }
}
