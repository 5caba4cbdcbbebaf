using System.Reflection.Metadata;
using System.Text;

namespace AgentTestGuard.Inventory;

/// <summary>Full names of metadata entities, written the way reflection writes them (nested types as Outer+Inner).</summary>
internal static class MetadataNames
{
    /// <summary>
    /// The compiler names what it generates with '&lt;' or '&gt;' (<c>&lt;Test&gt;d__3</c>, <c>&lt;&gt;c__DisplayClass3_0</c>):
    /// no C# identifier can contain them.
    /// </summary>
    public static bool IsGenerated(string name) => name.AsSpan().IndexOfAny('<', '>') >= 0;

    /// <summary>
    /// Replaces the digit runs of a compiler-generated name by '#': they are method and lambda ordinals, which
    /// change when an unrelated member is added before the test. Ordinary names are returned as they are.
    /// </summary>
    public static string Normalize(string name) => IsGenerated(name) ? ReplaceDigitRuns(name) : name;

    public static string TypeDefinition(MetadataReader reader, TypeDefinitionHandle handle, bool normalize = false)
    {
        var type = reader.GetTypeDefinition(handle);
        var name = Simple(reader.GetString(type.Name), normalize);
        var declaring = type.GetDeclaringType();
        if (!declaring.IsNil)
        {
            return TypeDefinition(reader, declaring, normalize) + "+" + name;
        }

        return Qualify(reader.GetString(type.Namespace), name);
    }

    public static string TypeReference(MetadataReader reader, TypeReferenceHandle handle, bool normalize = false)
    {
        var type = reader.GetTypeReference(handle);
        var name = Simple(reader.GetString(type.Name), normalize);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return TypeReference(reader, (TypeReferenceHandle)type.ResolutionScope, normalize) + "+" + name;
        }

        return Qualify(reader.GetString(type.Namespace), name);
    }

    /// <summary>The name of a TypeDef or TypeRef; for a TypeSpec, the name of the generic type it instantiates.</summary>
    public static string? Type(MetadataReader reader, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => TypeDefinition(reader, (TypeDefinitionHandle)handle),
        HandleKind.TypeReference => TypeReference(reader, (TypeReferenceHandle)handle),
        HandleKind.TypeSpecification when GenericTypeOf(reader, (TypeSpecificationHandle)handle) is { IsNil: false } generic
            => Type(reader, generic),
        _ => null,
    };

    /// <summary>The attribute's type: the declaring type of its constructor.</summary>
    public static EntityHandle AttributeType(MetadataReader reader, CustomAttribute attribute) => attribute.Constructor.Kind switch
    {
        HandleKind.MethodDefinition => reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
        HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
        _ => default,
    };

    /// <summary>
    /// The simple name of the attribute's type when it is a top-level type of namespace
    /// <paramref name="ns"/>, as a handle into the metadata's string heap (nil otherwise): compared
    /// there without building the name, since this runs for every attribute of every method.
    /// </summary>
    public static StringHandle AttributeNameIn(MetadataReader reader, CustomAttribute attribute, string ns)
    {
        var type = AttributeType(reader, attribute);
        var comparer = reader.StringComparer;
        return type.Kind switch
        {
            HandleKind.TypeReference when reader.GetTypeReference((TypeReferenceHandle)type) is var reference
                && reference.ResolutionScope.Kind != HandleKind.TypeReference
                && comparer.Equals(reference.Namespace, ns) => reference.Name,
            HandleKind.TypeDefinition when reader.GetTypeDefinition((TypeDefinitionHandle)type) is var definition
                && definition.GetDeclaringType().IsNil
                && comparer.Equals(definition.Namespace, ns) => definition.Name,
            _ => default,
        };
    }

    public static string? AttributeTypeName(MetadataReader reader, CustomAttribute attribute)
    {
        var type = AttributeType(reader, attribute);
        return type.IsNil ? null : Type(reader, type);
    }

    /// <summary>For a <c>GenericInst</c> TypeSpec (<c>Base&lt;T&gt;</c>), the generic type definition or reference.</summary>
    public static EntityHandle GenericTypeOf(MetadataReader reader, TypeSpecificationHandle handle)
    {
        var blob = reader.GetBlobReader(reader.GetTypeSpecification(handle).Signature);
        if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
        {
            return default;
        }

        var kind = blob.ReadSignatureTypeCode();
        return kind is SignatureTypeCode.TypeHandle ? blob.ReadTypeHandle() : default;
    }

    /// <summary>True when the type, or a type it is nested in, was generated by the compiler.</summary>
    public static bool IsGeneratedType(MetadataReader reader, TypeDefinitionHandle handle)
    {
        for (var current = handle; !current.IsNil; current = reader.GetTypeDefinition(current).GetDeclaringType())
        {
            if (IsGenerated(reader.GetString(reader.GetTypeDefinition(current).Name)))
            {
                return true;
            }
        }

        return false;
    }

    private static string Simple(string name, bool normalize) => normalize ? Normalize(name) : name;

    private static string Qualify(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;

    // A loop rather than a regular expression: this runs for every generated name, and the regex
    // engine's first use alone cost a cold build more than the whole of this class.
    private static string ReplaceDigitRuns(string name)
    {
        var result = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsAsciiDigit(name[i]))
            {
                result.Append('#');
                while (i + 1 < name.Length && char.IsAsciiDigit(name[i + 1]))
                {
                    i++;
                }
            }
            else
            {
                result.Append(name[i]);
            }
        }

        return result.ToString();
    }
}
