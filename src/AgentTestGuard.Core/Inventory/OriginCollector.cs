using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace AgentTestGuard.Inventory;

/// <summary>
/// Walks a type (a generic instantiation with its type arguments, an array, a pointer...) and adds, for each
/// type named in it, where it comes from (see <see cref="ResolvedReferences"/>). It decodes signatures only for
/// that side effect: the names it returns are empty.
/// </summary>
internal sealed class OriginCollector(ResolvedReferences references) : ISignatureTypeProvider<string, object?>
{
    public ICollection<string> Into { get; set; } = [];

    public void Visit(EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                GetTypeFromDefinition(references.Reader, (TypeDefinitionHandle)handle, 0);
                break;
            case HandleKind.TypeReference:
                GetTypeFromReference(references.Reader, (TypeReferenceHandle)handle, 0);
                break;
            case HandleKind.TypeSpecification:
                GetTypeFromSpecification(references.Reader, null, (TypeSpecificationHandle)handle, 0);
                break;
        }
    }

    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
    {
        if (!references.IsGenerated(handle))
        {
            Into.Add("this " + MetadataNames.TypeDefinition(reader, handle));
        }

        return string.Empty;
    }

    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        if (references.Origin(handle) is { } origin)
        {
            Into.Add(origin + " " + MetadataNames.TypeReference(reader, handle));
        }

        return string.Empty;
    }

    public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => string.Empty;

    public string GetSZArrayType(string elementType) => string.Empty;

    public string GetArrayType(string elementType, ArrayShape shape) => string.Empty;

    public string GetByReferenceType(string elementType) => string.Empty;

    public string GetPointerType(string elementType) => string.Empty;

    public string GetPinnedType(string elementType) => string.Empty;

    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => string.Empty;

    public string GetGenericTypeParameter(object? genericContext, int index) => string.Empty;

    public string GetGenericMethodParameter(object? genericContext, int index) => string.Empty;

    public string GetFunctionPointerType(MethodSignature<string> signature) => string.Empty;

    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => string.Empty;
}
