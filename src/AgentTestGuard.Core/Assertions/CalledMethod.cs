using System.Reflection.Metadata;
using AgentTestGuard.Inventory;

namespace AgentTestGuard.Assertions;

/// <summary>
/// A method a test's IL calls, by name: <paramref name="Namespace"/> is the outermost type's namespace,
/// <paramref name="TypeName"/> the full name (nested types joined with '+', as reflection writes them).
/// </summary>
/// <param name="Definition">The method's definition when it is in the scanned assembly; nil otherwise.</param>
internal sealed record CalledMethod(string Namespace, string TypeName, string Name, int ParameterCount, MethodDefinitionHandle Definition)
{
    /// <summary>How the policy's patterns and the messages name it: <c>Namespace.Type::Method</c>.</summary>
    public string FullName => TypeName + "::" + Name;
}

/// <summary>Names the call targets of IL tokens, once per token for the whole assembly: tests share most of them.</summary>
internal sealed class CalledMethods
{
    private readonly MetadataReader reader;
    private readonly Dictionary<EntityHandle, CalledMethod?> cache = [];

    public CalledMethods(MetadataReader reader)
    {
        this.reader = reader;
    }

    /// <summary>The method a call, newobj or ldftn token denotes; null for anything else.</summary>
    public CalledMethod? Resolve(EntityHandle token)
    {
        if (!cache.TryGetValue(token, out var method))
        {
            method = token.Kind switch
            {
                HandleKind.MethodDefinition => Definition((MethodDefinitionHandle)token),
                HandleKind.MemberReference => Reference((MemberReferenceHandle)token),
                HandleKind.MethodSpecification => Resolve(reader.GetMethodSpecification((MethodSpecificationHandle)token).Method),
                _ => null,
            };
            cache[token] = method;
        }

        return method;
    }

    private CalledMethod Definition(MethodDefinitionHandle handle)
    {
        var method = reader.GetMethodDefinition(handle);
        var type = method.GetDeclaringType();
        return new CalledMethod(
            Namespace(type),
            MetadataNames.TypeDefinition(reader, type),
            reader.GetString(method.Name),
            ParameterCount(method.Signature),
            handle);
    }

    private CalledMethod? Reference(MemberReferenceHandle handle)
    {
        var member = reader.GetMemberReference(handle);
        if (member.GetKind() != MemberReferenceKind.Method)
        {
            return null;
        }

        // A method of a generic type (Assert<T>, a generic helper class of this assembly) is called on its instantiation.
        var parent = member.Parent.Kind == HandleKind.TypeSpecification
            ? MetadataNames.GenericTypeOf(reader, (TypeSpecificationHandle)member.Parent)
            : member.Parent;
        if (parent.Kind is not (HandleKind.TypeReference or HandleKind.TypeDefinition))
        {
            return null;
        }

        var name = reader.GetString(member.Name);
        var parameters = ParameterCount(member.Signature);
        return new CalledMethod(Namespace(parent), MetadataNames.Type(reader, parent) ?? string.Empty, name, parameters, LocalDefinition(parent, member));
    }

    /// <summary>A method of a generic type defined here, called through a MemberRef: its definition, found by name and parameter count.</summary>
    private MethodDefinitionHandle LocalDefinition(EntityHandle parent, MemberReference member)
    {
        if (parent.Kind != HandleKind.TypeDefinition)
        {
            return default;
        }

        var parameters = ParameterCount(member.Signature);
        foreach (var handle in reader.GetTypeDefinition((TypeDefinitionHandle)parent).GetMethods())
        {
            var method = reader.GetMethodDefinition(handle);
            if (reader.StringComparer.Equals(method.Name, reader.GetString(member.Name)) && ParameterCount(method.Signature) == parameters)
            {
                return handle;
            }
        }

        return default;
    }

    private string Namespace(EntityHandle type)
    {
        while (true)
        {
            switch (type.Kind)
            {
                case HandleKind.TypeDefinition:
                    var definition = reader.GetTypeDefinition((TypeDefinitionHandle)type);
                    if (definition.GetDeclaringType().IsNil)
                    {
                        return reader.GetString(definition.Namespace);
                    }

                    type = definition.GetDeclaringType();
                    break;
                case HandleKind.TypeReference:
                    var reference = reader.GetTypeReference((TypeReferenceHandle)type);
                    if (reference.ResolutionScope.Kind != HandleKind.TypeReference)
                    {
                        return reader.GetString(reference.Namespace);
                    }

                    type = reference.ResolutionScope;
                    break;
                default:
                    return string.Empty;
            }
        }
    }

    private int ParameterCount(BlobHandle signature)
    {
        var blob = reader.GetBlobReader(signature);
        var header = blob.ReadSignatureHeader();
        if (header.IsGeneric)
        {
            blob.ReadCompressedInteger();
        }

        return blob.ReadCompressedInteger();
    }
}
