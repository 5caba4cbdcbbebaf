using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace AgentTestGuard.Inventory;

/// <summary>
/// Finds where a test's code is, from the portable PDB embedded in the assembly or beside it (as named by the
/// assembly's debug directory, or with the assembly's name in its folder).
/// </summary>
internal sealed class PdbSourceLocator : IDisposable
{
    private readonly MetadataReaderProvider provider;
    private readonly MetadataReader pdb;
    private readonly SourcePathMapper mapper;

    private PdbSourceLocator(MetadataReaderProvider provider, SourcePathMapper mapper)
    {
        this.provider = provider;
        this.mapper = mapper;
        pdb = provider.GetMetadataReader();
        Source = new MethodSource(pdb, mapper);
    }

    /// <summary>The source text of methods, for their fingerprints.</summary>
    public MethodSource Source { get; }

    /// <summary>Opens the assembly's portable PDB; null when there is none, or it is unreadable or does not match.</summary>
    public static PdbSourceLocator? TryOpen(PEReader pe, string assemblyPath, SourcePathMapper mapper)
    {
        MetadataReaderProvider? provider = null;
        try
        {
            if (pe.TryOpenAssociatedPortablePdb(assemblyPath, OpenIfExists, out provider, out _) && provider is not null)
            {
                var locator = new PdbSourceLocator(provider, mapper);
                provider = null;
                return locator;
            }
        }
        catch (Exception e) when (e is BadImageFormatException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
        finally
        {
            provider?.Dispose();
        }

        return null;
    }

    /// <summary>
    /// The file and line where the method's code starts. Async and iterator kickoff methods have no sequence
    /// points: their code, and so their location, is in the state machine's <paramref name="moveNext"/>.
    /// </summary>
    public SourceLocation? Locate(MethodDefinitionHandle method, MethodDefinitionHandle moveNext) =>
        LocateOwn(method) ?? (moveNext.IsNil ? null : LocateOwn(moveNext));

    public void Dispose() => provider.Dispose();

    /// <summary>
    /// The smallest line among the visible sequence points in the document of the first one. It is the first
    /// point's line except where the compiler emits code out of source order (a <c>while</c> condition is placed
    /// after the loop body), where it still gives the line the method's code starts on.
    /// </summary>
    private SourceLocation? LocateOwn(MethodDefinitionHandle method)
    {
        DocumentHandle document = default;
        var line = int.MaxValue;
        foreach (var point in pdb.GetMethodDebugInformation(method).GetSequencePoints())
        {
            if (point.IsHidden)
            {
                continue;
            }

            if (document.IsNil)
            {
                document = point.Document;
            }

            if (point.Document == document)
            {
                line = Math.Min(line, point.StartLine);
            }
        }

        return document.IsNil ? null : new SourceLocation(mapper.Map(pdb.GetString(pdb.GetDocument(document).Name)), line);
    }

    private static Stream? OpenIfExists(string path) => File.Exists(path) ? File.OpenRead(path) : null;
}
