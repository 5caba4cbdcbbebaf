using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace AgentTestGuard.Inventory;

/// <summary>
/// Finds the definition of a type referenced from another assembly, by reading (never loading) the assemblies
/// the test project references. Each one is opened on first need and kept open until the scan ends.
/// </summary>
internal sealed class ReferenceAssemblyResolver : IDisposable
{
    private const int MaxForwarding = 8;

    private readonly Dictionary<string, string> pathsByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> allPaths;
    private readonly Dictionary<string, MetadataReader?> readers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<MetadataReader, Dictionary<string, TypeDefinitionHandle>> topLevelTypes = [];
    private readonly List<PEReader> opened = [];

    public ReferenceAssemblyResolver(IEnumerable<string> referencePaths)
    {
        // File names almost always equal assembly names: try that file first, then read the others' names.
        allPaths = [.. referencePaths];
        foreach (var path in allPaths)
        {
            pathsByName.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        }
    }

    /// <summary>Resolves a TypeRef to its TypeDef, in the referencing module itself or in a referenced assembly.</summary>
    public bool TryResolve(
        MetadataReader reader,
        TypeReferenceHandle handle,
        out MetadataReader target,
        out TypeDefinitionHandle definition)
    {
        var type = reader.GetTypeReference(handle);
        var name = reader.GetString(type.Name);
        var ns = reader.GetString(type.Namespace);
        target = reader;
        definition = default;
        switch (type.ResolutionScope.Kind)
        {
            case HandleKind.TypeReference:
                return TryResolve(reader, (TypeReferenceHandle)type.ResolutionScope, out target, out var outer)
                    && TryFindNested(target, outer, name, out definition);
            case HandleKind.ModuleDefinition:
                return TryFindTopLevel(reader, ns, name, 0, out target, out definition);
            case HandleKind.AssemblyReference:
                var assembly = reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)type.ResolutionScope).Name);
                return Open(assembly) is { } referenced && TryFindTopLevel(referenced, ns, name, 0, out target, out definition);
            default:
                return false;
        }
    }

    public void Dispose()
    {
        foreach (var pe in opened)
        {
            pe.Dispose();
        }

        opened.Clear();
        readers.Clear();
        topLevelTypes.Clear();
    }

    private bool TryFindTopLevel(
        MetadataReader reader,
        string ns,
        string name,
        int forwards,
        out MetadataReader target,
        out TypeDefinitionHandle definition)
    {
        target = reader;
        var fullName = ns.Length == 0 ? name : ns + "." + name;
        if (TopLevelTypes(reader).TryGetValue(fullName, out definition))
        {
            return true;
        }

        // Reference assemblies forward many types (System.Runtime to System.Private.CoreLib, facades).
        if (forwards >= MaxForwarding)
        {
            return false;
        }

        foreach (var exportedHandle in reader.ExportedTypes)
        {
            var exported = reader.GetExportedType(exportedHandle);
            if (exported.IsForwarder
                && exported.Implementation.Kind == HandleKind.AssemblyReference
                && reader.StringComparer.Equals(exported.Name, name)
                && reader.StringComparer.Equals(exported.Namespace, ns))
            {
                var assembly = reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)exported.Implementation).Name);
                return Open(assembly) is { } next && TryFindTopLevel(next, ns, name, forwards + 1, out target, out definition);
            }
        }

        return false;
    }

    private static bool TryFindNested(MetadataReader reader, TypeDefinitionHandle outer, string name, out TypeDefinitionHandle definition)
    {
        foreach (var nested in reader.GetTypeDefinition(outer).GetNestedTypes())
        {
            if (reader.StringComparer.Equals(reader.GetTypeDefinition(nested).Name, name))
            {
                definition = nested;
                return true;
            }
        }

        definition = default;
        return false;
    }

    private Dictionary<string, TypeDefinitionHandle> TopLevelTypes(MetadataReader reader)
    {
        if (!topLevelTypes.TryGetValue(reader, out var types))
        {
            types = new Dictionary<string, TypeDefinitionHandle>(StringComparer.Ordinal);
            foreach (var handle in reader.TypeDefinitions)
            {
                if (reader.GetTypeDefinition(handle).GetDeclaringType().IsNil)
                {
                    types.TryAdd(MetadataNames.TypeDefinition(reader, handle), handle);
                }
            }

            topLevelTypes[reader] = types;
        }

        return types;
    }

    private MetadataReader? Open(string assemblyName)
    {
        if (readers.TryGetValue(assemblyName, out var cached))
        {
            return cached;
        }

        MetadataReader? reader = null;
        pathsByName.TryGetValue(assemblyName, out var likely);
        if (likely is not null)
        {
            reader = TryRead(likely, assemblyName);
        }

        for (var i = 0; reader is null && i < allPaths.Count; i++)
        {
            if (!string.Equals(allPaths[i], likely, StringComparison.Ordinal))
            {
                reader = TryRead(allPaths[i], assemblyName);
            }
        }

        readers[assemblyName] = reader;
        return reader;
    }

    /// <summary>Opens the file and keeps it when its assembly has the wanted name; unreadable files count as no match.</summary>
    private MetadataReader? TryRead(string path, string assemblyName)
    {
        PEReader? pe = null;
        try
        {
            pe = new PEReader(File.OpenRead(path));
            if (pe.HasMetadata)
            {
                var reader = pe.GetMetadataReader();
                if (reader.IsAssembly && reader.StringComparer.Equals(reader.GetAssemblyDefinition().Name, assemblyName, ignoreCase: true))
                {
                    opened.Add(pe);
                    pe = null;
                    return reader;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            return null;
        }
        finally
        {
            pe?.Dispose();
        }

        return null;
    }
}
