using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using AgentTestGuard.Diagnostics;

namespace AgentTestGuard.Inventory;

/// <summary>
/// Finds the agent tests in a compiled test assembly by reading its metadata and portable PDB: the assembly is
/// never loaded or run, so this works for any test framework and in any host (MSBuild, the tool).
/// </summary>
internal static class AssemblyScanner
{
    public static ScanResult Scan(ScanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.AssemblyPath;
        if (string.IsNullOrWhiteSpace(path))
        {
            return Unreadable(path ?? string.Empty, "no path was given");
        }

        try
        {
            using var pe = new PEReader(File.OpenRead(path));
            if (!pe.HasMetadata || pe.GetMetadataReader() is not { IsAssembly: true } reader)
            {
                return Unreadable(path, "it is not a .NET assembly");
            }

            using var resolver = new ReferenceAssemblyResolver(request.ReferencePaths);
            using var pdb = PdbSourceLocator.TryOpen(pe, path, new SourcePathMapper(request.SourcePathMap));
            using var scan = new AssemblyScan(reader, pe, path, resolver, pdb);
            return scan.Run();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            return Unreadable(path, e.Message);
        }
    }

    private static ScanResult Unreadable(string path, string reason) =>
        new(
            Path.GetFileNameWithoutExtension(path),
            [],
            [Descriptors.UnreadableAssembly.At(path, $"Cannot read test assembly '{path}': {reason}. Build the test project before scanning it, and pass the path of its .dll.")]);
}
