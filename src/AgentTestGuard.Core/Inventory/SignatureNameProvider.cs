using System.Collections.Immutable;
using System.Globalization;
using System.Reflection.Metadata;

namespace AgentTestGuard.Inventory;

/// <summary>
/// Decodes signatures into readable type names, so that a fingerprint depends on which types a test uses and
/// never on the metadata tokens that happen to number them in one build. Compiler-generated names are
/// normalized (see <see cref="MetadataNames.Normalize"/>); generic parameters are written by position
/// (<c>!0</c> for a type's, <c>!!0</c> for a method's), as IL writes them.
/// </summary>
internal sealed class SignatureNameProvider : ISignatureTypeProvider<string, object?>, ICustomAttributeTypeProvider<string>
{
    public static readonly SignatureNameProvider Instance = new();

    private SignatureNameProvider()
    {
    }

    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        MetadataNames.TypeDefinition(reader, handle, normalize: true);

    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
        MetadataNames.TypeReference(reader, handle, normalize: true);

    public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public string GetSZArrayType(string elementType) => elementType + "[]";

    public string GetArrayType(string elementType, ArrayShape shape) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{elementType}[{shape.Rank};{string.Join(",", shape.Sizes)};{string.Join(",", shape.LowerBounds)}]");

    public string GetByReferenceType(string elementType) => elementType + "&";

    public string GetPointerType(string elementType) => elementType + "*";

    public string GetPinnedType(string elementType) => elementType + " pinned";

    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) =>
        genericType + "<" + string.Join(",", typeArguments) + ">";

    public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index.ToString(CultureInfo.InvariantCulture);

    public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index.ToString(CultureInfo.InvariantCulture);

    public string GetFunctionPointerType(MethodSignature<string> signature) => "method " + Format(signature);

    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) =>
        unmodifiedType + (isRequired ? " modreq(" : " modopt(") + modifier + ")";

    public string GetSystemType() => "System.Type";

    public bool IsSystemType(string type) => type == "System.Type";

    public string GetTypeFromSerializedName(string name) => name;

    /// <summary>
    /// Only reached when decoding an enum argument, which AgentTestGuard's own attributes never have:
    /// a look-alike attribute with one is treated as malformed.
    /// </summary>
    public PrimitiveTypeCode GetUnderlyingEnumType(string type) =>
        throw new BadImageFormatException($"Unexpected enum argument of type '{type}' in an AgentTestGuard attribute.");

    /// <summary>A method signature as one string: calling convention, generic arity, return type, parameters.</summary>
    public static string Format(MethodSignature<string> signature) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{signature.Header.RawValue:x2} `{signature.GenericParameterCount} {signature.ReturnType}({string.Join(",", signature.ParameterTypes)}/{signature.RequiredParameterCount})");
}
