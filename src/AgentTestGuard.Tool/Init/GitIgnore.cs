using AgentTestGuard.FileSystem;
using AgentTestGuard.History.Store;

namespace AgentTestGuard.Tool.Init;

/// <summary>
/// The .gitignore lines AgentTestGuard adds: the local history (docs/metrics.md), a database of
/// this machine's imports, not a file to review; and what a `dotnet agt` command killed mid-write
/// can leave beside the review files (its lock file and temporary file), which the next command
/// that writes the same file removes, and which must not be committed until then.
/// </summary>
internal static class GitIgnore
{
    public const string FileName = ".gitignore";

    /// <summary>The leftover patterns, matching <see cref="FileLock"/>'s and <see cref="AtomicFile"/>'s names for the review files.</summary>
    public static readonly IReadOnlyList<string> Patterns = ["agenttestguard.*.lock", ".agenttestguard.*.tmp"];

    /// <returns>true when the line was added; false when the .gitignore in <paramref name="folder"/> already has it.</returns>
    public static bool AddHistory(string folder) =>
        Append(folder, "# AgentTestGuard: the local run history (dotnet agt history import).", [HistoryLocation.GitIgnoreEntry]).Count > 0;

    /// <summary>Appends the leftover patterns the .gitignore in <paramref name="folder"/> does not list yet.</summary>
    /// <returns>The patterns added; empty when nothing changed.</returns>
    public static IReadOnlyList<string> AddLeftovers(string folder) =>
        Append(folder, "# AgentTestGuard: what a dotnet agt command killed mid-write leaves; the next one removes it.", Patterns);

    // Appends, under a comment, the patterns not listed yet ("/x/" and "x" are the same entry),
    // in the file's own line ending; every existing byte stays.
    private static List<string> Append(string folder, string comment, IReadOnlyList<string> patterns)
    {
        var path = Path.Combine(folder, FileName);
        var text = File.Exists(path) ? File.ReadAllText(path) : "";
        var listed = text.Split('\n').Select(line => line.Trim().Trim('/')).ToHashSet(StringComparer.Ordinal);
        var missing = patterns.Where(pattern => !listed.Contains(pattern.Trim('/'))).ToList();
        if (missing.Count == 0)
        {
            return missing;
        }

        var newLine = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var separator = text.Length == 0 || text.EndsWith('\n') ? "" : newLine;
        AtomicFile.WriteAllText(path, text + separator + comment + newLine + string.Concat(missing.Select(pattern => pattern + newLine)));
        return missing;
    }
}
