using AgentTestGuard.History.Import;
using AgentTestGuard.History.Records;
using AgentTestGuard.Tool.Cli;

namespace AgentTestGuard.Tool.Report.Sources;

/// <summary>
/// The run records the report reads: of the records offered, the latest few of each assembly
/// (a developer's TestResults folders keep every run ever made; only the recent ones matter, and
/// the history holds the rest).
/// </summary>
internal static class RecentRunRecords
{
    /// <summary>How many records of each assembly are read in full.</summary>
    public const int PerAssembly = 10;

    /// <summary>
    /// The latest records among those named (files, or folders searched below), or by default those in
    /// the repository's TestResults folders. A record that cannot be read is named with its position
    /// and left out (<paramref name="leftOutOf"/>: of what), so that it does not hide the others.
    /// </summary>
    /// <returns>null after naming a path that does not exist.</returns>
    public static IReadOnlyList<RunRecordDetails>? Load(IReadOnlyList<string> records, string root, string leftOutOf, Output output)
    {
        var (files, missing) = RecordFiles.Expand(records.Count > 0 ? records : RecordFiles.DefaultFolders(root));
        foreach (var gone in missing)
        {
            output.Error($"{Output.Inert(gone)}: no such file or folder.");
        }

        if (missing.Count > 0)
        {
            return null;
        }

        var (runs, problems) = Read(files);
        foreach (var problem in problems)
        {
            output.Error($"{Output.Inert(problem.ToString())} (left out of {leftOutOf})");
        }

        return runs;
    }

    /// <returns>The records read, oldest first; and the records that could not be read, with file and position.</returns>
    public static (IReadOnlyList<RunRecordDetails> Runs, IReadOnlyList<RecordProblem> Problems) Read(IEnumerable<string> files)
    {
        var problems = new List<RecordProblem>();
        var chosen = new List<string>();
        var headed = new List<(string File, string Assembly, DateTimeOffset StartedAt)>();
        foreach (var file in files)
        {
            if (RunRecordDetailsReader.Header(file) is { } header)
            {
                headed.Add((file, header.Assembly, header.StartedAt));
            }
            else
            {
                // Without a header the full read says what is wrong with the record.
                chosen.Add(file);
            }
        }

        chosen.AddRange(headed
            .GroupBy(h => h.Assembly, StringComparer.Ordinal)
            .SelectMany(g => g.OrderByDescending(h => h.StartedAt).ThenByDescending(h => h.File, StringComparer.Ordinal).Take(PerAssembly))
            .Select(h => h.File));

        var runs = new List<RunRecordDetails>();
        foreach (var file in chosen)
        {
            if (RunRecordDetailsReader.Read(file, out var problem) is { } run)
            {
                runs.Add(run);
            }
            else
            {
                problems.Add(problem!);
            }
        }

        runs.Sort((a, b) => a.StartedAt != b.StartedAt ? a.StartedAt.CompareTo(b.StartedAt) : string.CompareOrdinal(a.RunId, b.RunId));
        return (runs, problems);
    }
}
