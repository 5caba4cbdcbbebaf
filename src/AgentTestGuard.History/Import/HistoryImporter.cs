using AgentTestGuard.History.Records;
using AgentTestGuard.History.Store;

namespace AgentTestGuard.History.Import;

/// <summary>
/// Adds run records to a store, each in its own transaction: a record already stored is left as
/// it is, a record that cannot be read is reported and skipped, and the others are imported.
/// </summary>
internal static class HistoryImporter
{
    public static ImportSummary Import(IHistoryStore store, IReadOnlyList<string> files)
    {
        var added = 0;
        var known = 0;
        var problems = new List<RecordProblem>();
        foreach (var file in files)
        {
            if (RunRecordReader.ReadBytes(file, out var unreadable) is not { } bytes)
            {
                problems.Add(unreadable!);
                continue;
            }

            // A record already stored is not read whole: repeating an import costs little.
            if (store.Contains(RunRecordReader.RunIdOf(bytes)))
            {
                known++;
                continue;
            }

            if (RunRecordReader.Read(file, bytes, out var problem) is not { } run)
            {
                problems.Add(problem!);
                continue;
            }

            if (store.Add(run))
            {
                added++;
            }
            else
            {
                known++;
            }
        }

        return new ImportSummary(added, known, problems);
    }
}

/// <param name="Added">Runs new to the store.</param>
/// <param name="AlreadyStored">Runs the store had already (an import repeated, or a record offered twice).</param>
/// <param name="Problems">Records that could not be read, and were skipped.</param>
internal sealed record ImportSummary(int Added, int AlreadyStored, IReadOnlyList<RecordProblem> Problems);
