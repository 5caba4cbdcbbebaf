namespace AgentTestGuard.Inventory;

/// <summary>
/// Turns a path stored in a PDB into a local path. Deterministic builds store mapped paths (<c>/_/src/Foo.cs</c>);
/// the longest matching mapped prefix is replaced by its local prefix. Either separator matches either, and the
/// result uses the separator of the OS the scan runs on.
/// </summary>
internal sealed class SourcePathMapper
{
    private readonly List<(string Mapped, string Local)> prefixes;

    public SourcePathMapper(IEnumerable<KeyValuePair<string, string>> map)
    {
        prefixes = map
            .Where(pair => !string.IsNullOrEmpty(pair.Key))
            .Select(pair => (Mapped: Slashes(pair.Key), Local: pair.Value ?? string.Empty))
            .OrderByDescending(pair => pair.Mapped.Length)
            .ToList();
    }

    public string Map(string path)
    {
        var normalized = Slashes(path);
        foreach (var (mapped, local) in prefixes)
        {
            if (normalized.StartsWith(mapped, StringComparison.Ordinal))
            {
                var rest = normalized[mapped.Length..];
                // SourceRoot items end with a separator; tolerate a local prefix written without one.
                var joiner = mapped.EndsWith('/') && local.Length > 0 && !local.EndsWith('/') && !local.EndsWith('\\') ? "/" : string.Empty;
                return ToOs(local + joiner + rest);
            }
        }

        return ToOs(path);
    }

    private static string Slashes(string path) => path.Replace('\\', '/');

    private static string ToOs(string path) =>
        path.Replace('\\', Path.DirectorySeparatorChar).Replace('/', Path.DirectorySeparatorChar);
}
