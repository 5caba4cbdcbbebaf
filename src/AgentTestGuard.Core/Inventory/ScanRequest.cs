namespace AgentTestGuard.Inventory;

/// <summary>What <see cref="AssemblyScanner.Scan(ScanRequest)"/> reads: one compiled test assembly and how to interpret it.</summary>
/// <param name="AssemblyPath">The test assembly (.dll) to read; it is never loaded or run.</param>
internal sealed record ScanRequest(string AssemblyPath)
{
    /// <summary>
    /// Paths of the assemblies the test assembly references (MSBuild's <c>@(ReferencePath)</c>); used only to
    /// resolve base types of attributes defined elsewhere (a custom <c>[MyFact] : FactAttribute</c> in a helper library).
    /// </summary>
    public IReadOnlyList<string> ReferencePaths { get; init; } = [];

    /// <summary>
    /// Maps a path as stored in the PDB back to a local path. Deterministic CI builds store <c>/_/src/Foo.cs</c>
    /// (MSBuild SourceRoot items with MappedPath metadata); pass (mappedPrefix, localPrefix) pairs.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> SourcePathMap { get; init; } = [];
}
