using AgentTestGuard.Configuration;
using AgentTestGuard.FileSystem;

namespace AgentTestGuard.Tool.Init;

/// <summary>
/// The .gitattributes lines that let git keep both sides when two branches add neighbouring
/// lines to the ledger or the incident log (docs/files.md explains why they are safe).
/// </summary>
internal static class GitAttributes
{
    public const string FileName = ".gitattributes";

    private static readonly string[] LineFiles = [ConfigurationFileNames.Approvals, ConfigurationFileNames.Incidents];

    /// <summary>
    /// Appends a <c>merge=union</c> line for each line file the .gitattributes in
    /// <paramref name="folder"/> does not mention yet (a line the team wrote itself is left as it is).
    /// </summary>
    /// <returns>The files a line was added for; empty when nothing changed.</returns>
    public static IReadOnlyList<string> AddUnionMerge(string folder)
    {
        var path = Path.Combine(folder, FileName);
        var text = File.Exists(path) ? File.ReadAllText(path) : "";
        var mentioned = text.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split((char[])[' ', '\t'], 2)[0])
            .ToHashSet(StringComparer.Ordinal);
        var missing = LineFiles.Where(file => !mentioned.Contains(file)).ToList();
        if (missing.Count == 0)
        {
            return missing;
        }

        var newLine = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var added = $"# AgentTestGuard: keep both branches' lines when they approve or record incidents side by side.{newLine}"
            + string.Concat(missing.Select(file => $"{file} merge=union{newLine}"));
        var separator = text.Length == 0 || text.EndsWith('\n') ? "" : newLine;
        AtomicFile.WriteAllText(path, text + separator + added);
        return missing;
    }
}
