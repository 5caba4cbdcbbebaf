using System.Reflection.Metadata;

namespace AgentTestGuard.Inventory;

/// <summary>
/// Tells whether a method is a test of any supported framework: it carries one of
/// <see cref="KnownAttributes.TestMethod"/>, or an attribute deriving from one (a custom <c>[MyFact]</c>),
/// found by walking base types through this assembly and the referenced ones. A base type that cannot be
/// resolved ends the walk: the attribute does not count as a test attribute.
/// </summary>
internal sealed class TestMethodRecognizer
{
    // Attribute hierarchies are a few levels deep; the limit only guards against malformed cycles.
    private const int MaxDepth = 32;

    private readonly ReferenceAssemblyResolver resolver;
    private readonly Dictionary<(MetadataReader Reader, EntityHandle Type), bool> cache = [];

    public TestMethodRecognizer(ReferenceAssemblyResolver resolver)
    {
        this.resolver = resolver;
    }

    public bool IsTestMethod(MetadataReader reader, MethodDefinition method)
    {
        foreach (var handle in method.GetCustomAttributes())
        {
            var type = MetadataNames.AttributeType(reader, reader.GetCustomAttribute(handle));
            if (!type.IsNil && IsTestAttribute(reader, type, 0))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsTestAttribute(MetadataReader reader, EntityHandle type, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        if (cache.TryGetValue((reader, type), out var known))
        {
            return known;
        }

        var name = MetadataNames.Type(reader, type);
        var result = name is not null
            && !KnownAttributes.AttributeRoots.Contains(name)
            && (KnownAttributes.TestMethod.Contains(name) || IsBaseTestAttribute(reader, type, depth));
        cache[(reader, type)] = result;
        return result;
    }

    private bool IsBaseTestAttribute(MetadataReader reader, EntityHandle type, int depth)
    {
        switch (type.Kind)
        {
            case HandleKind.TypeDefinition:
                var baseType = reader.GetTypeDefinition((TypeDefinitionHandle)type).BaseType;
                return !baseType.IsNil && IsTestAttribute(reader, baseType, depth + 1);
            case HandleKind.TypeReference:
                return resolver.TryResolve(reader, (TypeReferenceHandle)type, out var target, out var definition)
                    && IsTestAttribute(target, definition, depth + 1);
            case HandleKind.TypeSpecification:
                var generic = MetadataNames.GenericTypeOf(reader, (TypeSpecificationHandle)type);
                return !generic.IsNil && IsTestAttribute(reader, generic, depth + 1);
            default:
                return false;
        }
    }
}
