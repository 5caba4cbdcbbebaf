using System.Text;
using AgentTestGuard.Files;
using Microsoft.Build.Construction;
using Microsoft.Build.Evaluation;

namespace AgentTestGuard.Tool.Init;

/// <summary>
/// Adds AgentTestGuard to a project file, or its version to Directory.Packages.props, the way
/// `dotnet add package` does: with MSBuild's own project editor (which keeps the file's formatting,
/// comments and indentation), into the first item group that already lists packages, else a new
/// one. The file is replaced in one step. Called only after MSBuildHost has registered MSBuild.
/// </summary>
internal static class PackageReferenceEditor
{
    public const string PackageId = "AgentTestGuard";

    /// <summary>Adds <c>&lt;PackageReference Include="AgentTestGuard" Version="…" /&gt;</c>; without a version under central management.</summary>
    /// <returns>false, changing nothing, when the file already references the package.</returns>
    public static bool AddReference(string projectFile, string? version) => Add(projectFile, "PackageReference", version);

    /// <summary>Adds <c>&lt;PackageVersion Include="AgentTestGuard" Version="…" /&gt;</c> to a Directory.Packages.props.</summary>
    /// <returns>false, changing nothing, when the file already has a version for the package.</returns>
    public static bool AddVersion(string packagesProps, string version) => Add(packagesProps, "PackageVersion", version);

    private static bool Add(string file, string itemType, string? version)
    {
        // A collection of its own: the evaluation's collection caches the file without its formatting.
        using var collection = new ProjectCollection();
        var root = ProjectRootElement.Open(file, collection, preserveFormatting: true);
        if (root.Items.Any(i => i.ItemType == itemType && i.Include.Equals(PackageId, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var group = root.ItemGroups.FirstOrDefault(g => g.Condition.Length == 0 && g.Items.Any(i => i.ItemType == itemType))
            ?? root.AddItemGroup();
        var item = group.AddItem(itemType, PackageId);
        if (version is not null)
        {
            item.AddMetadata("Version", version, expressAsAttribute: true);
        }

        Save(root, file);
        return true;
    }

    // As UTF-8 (what project files are), keeping a byte order mark the file had (Visual Studio
    // writes one), and its Windows line ends: MSBuild writes the lines it adds with "\n" only.
    private static void Save(ProjectRootElement root, string file)
    {
        var bytes = File.ReadAllBytes(file);
        var hasBom = bytes is [0xEF, 0xBB, 0xBF, ..];
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, utf8))
        {
            root.Save(writer);
        }

        var text = utf8.GetString(buffer.ToArray());
        if (UsesWindowsLineEnds(utf8.GetString(bytes)))
        {
            text = text.ReplaceLineEndings("\r\n");
        }

        AtomicFile.Write(file, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: hasBom));
            writer.Write(text);
        });
    }

    // Only a file that ends every line with "\r\n": a file that mixes them is left as MSBuild writes it.
    private static bool UsesWindowsLineEnds(string text) =>
        text.Contains("\r\n", StringComparison.Ordinal) && !text.Replace("\r\n", "", StringComparison.Ordinal).Contains('\n', StringComparison.Ordinal);
}
