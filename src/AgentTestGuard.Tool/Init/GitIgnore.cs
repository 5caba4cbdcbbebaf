using AgentTestGuard.Files;

namespace AgentTestGuard.Tool.Init;

/// <summary>
/// The .gitignore lines for what a `dotnet agt` command killed mid-write can leave beside the
/// review files: its lock file and its temporary file. The next command that writes the same file
/// removes both; until then they must not be committed.
/// </summary>
internal static class GitIgnore
{
    public const string FileName = ".gitignore";

    /// <summary>The patterns, matching <see cref="FileLock"/>'s and <see cref="AtomicFile"/>'s names for the review files.</summary>
    public static readonly IReadOnlyList<string> Patterns = ["agenttestguard.*.lock", ".agenttestguard.*.tmp"];

    /// <summary>Appends the patterns the .gitignore in <paramref name="folder"/> does not list yet.</summary>
    /// <returns>The patterns added; empty when nothing changed.</returns>
    public static IReadOnlyList<string> AddLeftovers(string folder)
    {
        var path = Path.Combine(folder, FileName);
        var text = File.Exists(path) ? File.ReadAllText(path) : "";
        var listed = text.Split('\n').Select(line => line.Trim()).ToHashSet(StringComparer.Ordinal);
        var missing = Patterns.Where(pattern => !listed.Contains(pattern)).ToList();
        if (missing.Count == 0)
        {
            return missing;
        }

        var newLine = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var added = $"# AgentTestGuard: what a dotnet agt command killed mid-write leaves; the next one removes it.{newLine}"
            + string.Concat(missing.Select(pattern => pattern + newLine));
        var separator = text.Length == 0 || text.EndsWith('\n') ? "" : newLine;
        AtomicFile.WriteAllText(path, text + separator + added);
        return missing;
    }
}
