using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace AgentTestGuard.Inventory;

/// <summary>
/// Replaces the metadata tokens in IL by what they stand for: tokens are row numbers, which shift when anything
/// is added to the assembly, while the names and signatures they denote only change when the test does.
/// Compiler-generated methods the test reaches are followed (see <see cref="FollowedMethods"/>) and named
/// with their follow number. Names are cached for the whole assembly: tests share most of their call targets.
/// </summary>
internal sealed class IlTokenNamer
{
    private static readonly SignatureNameProvider Provider = SignatureNameProvider.Instance;

    private readonly MetadataReader reader;
    private readonly PEReader pe;
    private readonly Dictionary<EntityHandle, (string Name, MethodDefinitionHandle Method)> names = [];

    public IlTokenNamer(MetadataReader reader, PEReader pe)
    {
        this.reader = reader;
        this.pe = pe;
    }

    public string UserString(int token) => reader.GetUserString((UserStringHandle)MetadataTokens.Handle(token));

    /// <summary>The token's name; a compiler-generated method it denotes is added to <paramref name="followed"/>.</summary>
    public string Name(EntityHandle handle, FollowedMethods followed)
    {
        if (!names.TryGetValue(handle, out var entry))
        {
            entry = handle.Kind switch
            {
                HandleKind.MethodDefinition => Method((MethodDefinitionHandle)handle),
                HandleKind.MemberReference => Member((MemberReferenceHandle)handle),
                HandleKind.MethodSpecification => MethodSpecification((MethodSpecificationHandle)handle),
                HandleKind.FieldDefinition => (Field((FieldDefinitionHandle)handle), default),
                HandleKind.StandaloneSignature => (StandaloneSignature((StandaloneSignatureHandle)handle), default),
                _ => (TypeName(reader, handle), default),
            };
            names[handle] = entry;
        }

        return !entry.Method.IsNil && followed.TryFollow(entry.Method) is { } number ? entry.Name + " @" + number : entry.Name;
    }

    public static string TypeName(MetadataReader reader, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => Provider.GetTypeFromDefinition(reader, (TypeDefinitionHandle)handle, 0),
        HandleKind.TypeReference => Provider.GetTypeFromReference(reader, (TypeReferenceHandle)handle, 0),
        HandleKind.TypeSpecification => Provider.GetTypeFromSpecification(reader, null, (TypeSpecificationHandle)handle, 0),
        HandleKind.ModuleReference => "[module " + reader.GetString(reader.GetModuleReference((ModuleReferenceHandle)handle).Name) + "]",
        HandleKind.MethodDefinition => MethodName(reader, reader.GetMethodDefinition((MethodDefinitionHandle)handle)),
        _ => throw new BadImageFormatException($"Unexpected {handle.Kind} token in IL."),
    };

    public static string MethodName(MetadataReader reader, MethodDefinition method) =>
        TypeName(reader, method.GetDeclaringType()) + "::" + MetadataNames.Normalize(reader.GetString(method.Name))
        + " " + SignatureNameProvider.Format(method.DecodeSignature(Provider, null));

    private (string, MethodDefinitionHandle) Method(MethodDefinitionHandle handle) =>
        (MethodName(reader, reader.GetMethodDefinition(handle)), handle);

    private (string, MethodDefinitionHandle) Member(MemberReferenceHandle handle)
    {
        var member = reader.GetMemberReference(handle);
        var name = reader.GetString(member.Name);
        var prefix = TypeName(reader, member.Parent) + "::" + MetadataNames.Normalize(name);
        if (member.GetKind() == MemberReferenceKind.Field)
        {
            return (prefix + " : " + member.DecodeFieldSignature(Provider, null), default);
        }

        var signature = SignatureNameProvider.Format(member.DecodeMethodSignature(Provider, null));
        return (prefix + " " + signature, LocalDefinition(member.Parent, name, signature));
    }

    private (string, MethodDefinitionHandle) MethodSpecification(MethodSpecificationHandle handle)
    {
        var specification = reader.GetMethodSpecification(handle);
        var (name, method) = specification.Method.Kind == HandleKind.MethodDefinition
            ? Method((MethodDefinitionHandle)specification.Method)
            : Member((MemberReferenceHandle)specification.Method);
        return (name + " <" + string.Join(",", specification.DecodeSignature(Provider, null)) + ">", method);
    }

    private string Field(FieldDefinitionHandle handle)
    {
        var field = reader.GetFieldDefinition(handle);
        var text = TypeName(reader, field.GetDeclaringType()) + "::" + MetadataNames.Normalize(reader.GetString(field.Name))
            + " : " + field.DecodeSignature(Provider, null);
        var data = FieldDataReader.Read(reader, pe, field);
        return data.IsEmpty ? text : text + " = " + Convert.ToHexString(data.AsSpan());
    }

    private string StandaloneSignature(StandaloneSignatureHandle handle)
    {
        var signature = reader.GetStandaloneSignature(handle);
        return signature.GetKind() == StandaloneSignatureKind.Method
            ? SignatureNameProvider.Format(signature.DecodeMethodSignature(Provider, null))
            : string.Join(",", signature.DecodeLocalSignature(Provider, null));
    }

    /// <summary>
    /// A method of a generic type defined here (a generic display class or state machine) is called through a
    /// MemberRef on the instantiation: find the definition by name and signature, to follow it.
    /// </summary>
    private MethodDefinitionHandle LocalDefinition(EntityHandle parent, string name, string signature)
    {
        if (parent.Kind != HandleKind.TypeSpecification
            || MetadataNames.GenericTypeOf(reader, (TypeSpecificationHandle)parent) is not { Kind: HandleKind.TypeDefinition } generic)
        {
            return default;
        }

        foreach (var handle in reader.GetTypeDefinition((TypeDefinitionHandle)generic).GetMethods())
        {
            var method = reader.GetMethodDefinition(handle);
            if (reader.StringComparer.Equals(method.Name, name)
                && SignatureNameProvider.Format(method.DecodeSignature(Provider, null)) == signature)
            {
                return handle;
            }
        }

        return default;
    }
}
