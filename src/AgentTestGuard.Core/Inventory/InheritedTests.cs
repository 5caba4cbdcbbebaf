using System.Reflection;
using System.Reflection.Metadata;

namespace AgentTestGuard.Inventory;

/// <summary>
/// Where a test declared in a base class also runs. xunit, MSTest and NUnit run the test methods a
/// class inherits as tests of that class, reported under its name: an agent test declared in a base
/// class runs once for each concrete class that derives from it and does not declare a method of the
/// same name (an override runs its own code, which is not the agent test). Only the classes of the
/// scanned assembly are seen; a base class in another assembly is that assembly's to inventory.
/// </summary>
internal static class InheritedTests
{
    // Class hierarchies are a few levels deep; the limit only guards against malformed cycles.
    private const int MaxDepth = 32;

    /// <summary>The concrete classes that inherit each method of <paramref name="testsByType"/>, by method name.</summary>
    /// <param name="testsByType">The method names of the agent tests each class declares.</param>
    /// <returns>Per declaring class and method name, the inheriting classes' full names, sorted.</returns>
    public static Dictionary<(TypeDefinitionHandle Type, string Method), List<string>> Find(
        MetadataReader reader, IReadOnlyDictionary<TypeDefinitionHandle, List<string>> testsByType)
    {
        var inherited = new Dictionary<(TypeDefinitionHandle, string), List<string>>();
        if (testsByType.Count == 0)
        {
            return inherited;
        }

        var chain = new List<TypeDefinitionHandle>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            if ((type.Attributes & (TypeAttributes.Abstract | TypeAttributes.Interface)) != 0
                || type.GetGenericParameters().Count > 0
                || MetadataNames.IsGeneratedType(reader, handle))
            {
                continue;
            }

            // Method names are gathered only for a class with agent tests somewhere above it: this runs
            // in every build, and most test classes derive from none or from a base without them.
            BaseChain(reader, type, chain);
            if (!chain.Exists(testsByType.ContainsKey))
            {
                continue;
            }

            var declared = MethodNames(reader, type);
            foreach (var baseHandle in chain)
            {
                if (testsByType.TryGetValue(baseHandle, out var methods))
                {
                    foreach (var method in methods.Where(method => !declared.Contains(method)))
                    {
                        if (!inherited.TryGetValue((baseHandle, method), out var classes))
                        {
                            inherited[(baseHandle, method)] = classes = [];
                        }

                        classes.Add(MetadataNames.TypeDefinition(reader, handle));
                    }
                }

                declared.UnionWith(MethodNames(reader, reader.GetTypeDefinition(baseHandle)));
            }
        }

        foreach (var classes in inherited.Values)
        {
            classes.Sort(StringComparer.Ordinal);
        }

        return inherited;
    }

    /// <summary>The type's base classes defined in this assembly, nearest first, up to the first one defined elsewhere.</summary>
    private static void BaseChain(MetadataReader reader, TypeDefinition type, List<TypeDefinitionHandle> chain)
    {
        chain.Clear();
        for (var current = type; chain.Count < MaxDepth && BaseDefinition(reader, current) is { IsNil: false } baseHandle;)
        {
            chain.Add(baseHandle);
            current = reader.GetTypeDefinition(baseHandle);
        }
    }

    /// <summary>The base class when it is defined in this assembly (itself, or the generic class it instantiates); nil otherwise.</summary>
    private static TypeDefinitionHandle BaseDefinition(MetadataReader reader, TypeDefinition type)
    {
        var baseType = type.BaseType;
        if (baseType.Kind == HandleKind.TypeSpecification)
        {
            baseType = MetadataNames.GenericTypeOf(reader, (TypeSpecificationHandle)baseType);
        }

        return baseType.Kind == HandleKind.TypeDefinition ? (TypeDefinitionHandle)baseType : default;
    }

    private static HashSet<string> MethodNames(MetadataReader reader, TypeDefinition type)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var method in type.GetMethods())
        {
            names.Add(reader.GetString(reader.GetMethodDefinition(method).Name));
        }

        return names;
    }
}
