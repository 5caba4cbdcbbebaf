using AgentTestGuard.Files;
using AgentTestGuard.History.Store;

namespace AgentTestGuard.Tool.Init;

/// <summary>
/// The .gitignore line that keeps the local history (docs/metrics.md) out of commits: it is a
/// database of this machine's imports, not a file to review.
/// </summary>
internal static class GitIgnore
{
    public const string FileName = ".gitignore";

    /// <returns>true when the line was added; false when the .gitignore in <paramref name="folder"/> already has it.</returns>
    public static bool AddHistory(string folder)
    {
        var path = Path.Combine(folder, FileName);
        var text = File.Exists(path) ? File.ReadAllText(path) : "";
        var entry = HistoryLocation.GitIgnoreEntry;
        var bare = entry.Trim('/');
        if (text.Split('\n').Select(line => line.Trim().Trim('/')).Any(line => line == bare))
        {
            return false;
        }

        var newLine = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var separator = text.Length == 0 || text.EndsWith('\n') ? "" : newLine;
        AtomicFile.WriteAllText(path, $"{text}{separator}# AgentTestGuard: the local run history (dotnet agt history import).{newLine}{entry}{newLine}");
        return true;
    }
}
