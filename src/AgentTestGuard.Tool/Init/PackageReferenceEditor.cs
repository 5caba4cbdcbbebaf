using System.Text;
using System.Xml;
using AgentTestGuard.FileSystem;

namespace AgentTestGuard.Tool.Init;

/// <summary>
/// Adds AgentTestGuard to a project file, or its version to Directory.Packages.props, where
/// `dotnet add package` would: into the first item group that already lists packages, in
/// alphabetical order among them, else into a new item group after the last one. It inserts
/// one line (or one group) of text and leaves every other byte of the file as it was: encoding,
/// byte order mark, line ends, spacing, comments, multi-line elements. The file is replaced in
/// one step.
/// </summary>
internal static class PackageReferenceEditor
{
    public const string PackageId = "AgentTestGuard";

    /// <summary>Adds <c>&lt;PackageReference Include="AgentTestGuard" Version="…" /&gt;</c>; without a version under central management.</summary>
    /// <returns>false, changing nothing, when the file already references the package.</returns>
    /// <exception cref="InvalidDataException">The file is not a project file init can add to.</exception>
    public static bool AddReference(string projectFile, string? version) => Add(projectFile, "PackageReference", version);

    /// <summary>Adds <c>&lt;PackageVersion Include="AgentTestGuard" Version="…" /&gt;</c> to a Directory.Packages.props.</summary>
    /// <returns>false, changing nothing, when the file already has a version for the package.</returns>
    /// <exception cref="InvalidDataException">The file is not a project file init can add to.</exception>
    public static bool AddVersion(string packagesProps, string version) => Add(packagesProps, "PackageVersion", version);

    private static bool Add(string file, string itemType, string? version)
    {
        var bytes = File.ReadAllBytes(file);
        var (text, encoding, preamble) = Decode(bytes);
        OutlineElement project;
        try
        {
            project = ProjectFileOutline.Read(text);
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"{file} is not well-formed XML: {e.Message}", e);
        }

        var groups = project.Children.Where(c => c.Name == "ItemGroup").ToList();
        if (groups.SelectMany(g => g.Children).Any(i => i.Name == itemType && PackageId.Equals(i.Include, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var element = $"<{itemType} Include=\"{PackageId}\"" + (version is null ? "" : $" Version=\"{version}\"") + " />";
        var newLine = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var group = groups.FirstOrDefault(g => g.Condition is null && g.EndTagStart >= 0 && g.Children.Any(i => i.Name == itemType));
        var (offset, insertion) = group is not null
            ? IntoGroup(text, group, itemType, element, newLine)
            : NewGroup(text, file, project, groups, element, newLine);

        var edited = string.Concat(text.AsSpan(0, offset), insertion, text.AsSpan(offset));
        AtomicFile.Write(file, stream =>
        {
            stream.Write(preamble);
            stream.Write(encoding.GetBytes(edited));
        });
        return true;
    }

    // Before the first item that sorts after the package, on a line of its own with that item's
    // indentation; else after the last item.
    private static (int Offset, string Text) IntoGroup(string text, OutlineElement group, string itemType, string element, string newLine)
    {
        var items = group.Children.Where(i => i.Name == itemType).ToList();
        var next = items.FirstOrDefault(i => string.Compare(i.Include, PackageId, StringComparison.OrdinalIgnoreCase) > 0);
        if (next is not null)
        {
            return ProjectFileOutline.IndentBefore(text, next.Start) is { } indent
                ? (ProjectFileOutline.LineStartOf(text, next.Start), indent + element + newLine)
                : (next.Start, element + newLine + ProjectFileOutline.LeadingWhitespaceOfLine(text, next.Start));
        }

        return After(text, items[^1], element, newLine);
    }

    // A new item group after the last item group, or else at the end of the project.
    private static (int Offset, string Text) NewGroup(string text, string file, OutlineElement project, List<OutlineElement> groups, string element, string newLine)
    {
        var unit = project.Children.Count > 0 && ProjectFileOutline.IndentBefore(text, project.Children[0].Start) is { Length: > 0 } first
            ? first
            : "  ";
        if (groups.Count > 0)
        {
            var last = groups[^1];
            var indent = ProjectFileOutline.LeadingWhitespaceOfLine(text, last.Start);
            return After(text, last, $"<ItemGroup>{newLine}{indent}{unit}{element}{newLine}{indent}</ItemGroup>", newLine);
        }

        if (project.EndTagStart < 0)
        {
            throw new InvalidDataException($"{file}: its <Project /> element is empty; write it as <Project>...</Project> first.");
        }

        var block = $"{unit}<ItemGroup>{newLine}{unit}{unit}{element}{newLine}{unit}</ItemGroup>{newLine}";
        return ProjectFileOutline.IndentBefore(text, project.EndTagStart) is not null
            ? (ProjectFileOutline.LineStartOf(text, project.EndTagStart), block)
            : (project.EndTagStart, newLine + block);
    }

    // On the line after the element, with its indentation.
    private static (int Offset, string Text) After(string text, OutlineElement previous, string element, string newLine)
    {
        var indent = ProjectFileOutline.LeadingWhitespaceOfLine(text, previous.Start);
        var nextLine = ProjectFileOutline.NextLineStartAfter(text, previous.End);
        return nextLine >= 0
            ? (nextLine, indent + element + newLine)
            : (previous.End, newLine + indent + element);
    }

    // Project files are UTF-8 (Visual Studio adds a byte order mark); one with another byte order
    // mark is written back in its own encoding, with the mark.
    private static (string Text, Encoding Encoding, byte[] Preamble) Decode(byte[] bytes)
    {
        foreach (var encoding in new Encoding[] { new UTF8Encoding(true), new UnicodeEncoding(false, true), new UnicodeEncoding(true, true) })
        {
            var preamble = encoding.GetPreamble();
            if (bytes.AsSpan().StartsWith(preamble))
            {
                return (encoding.GetString(bytes, preamble.Length, bytes.Length - preamble.Length), encoding, preamble);
            }
        }

        return (new UTF8Encoding(false).GetString(bytes), new UTF8Encoding(false), []);
    }
}
