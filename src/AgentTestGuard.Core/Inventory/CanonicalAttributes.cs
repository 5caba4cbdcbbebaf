using System.Reflection.Metadata;

namespace AgentTestGuard.Inventory;

/// <summary>
/// Custom attributes as fingerprint text: type, constructor signature and the raw value blob (which holds
/// values and serialized type names, never tokens), sorted so their order in source does not matter.
/// </summary>
internal static class CanonicalAttributes
{
    public static IReadOnlyList<string> Describe(MetadataReader reader, IEnumerable<CustomAttributeHandle> attributes)
    {
        var lines = new List<string>();
        foreach (var handle in attributes)
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (!KnownAttributes.Bookkeeping.Contains(MetadataNames.AttributeTypeName(reader, attribute) ?? string.Empty))
            {
                lines.Add(Describe(reader, attribute));
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static string Describe(MetadataReader reader, CustomAttribute attribute)
    {
        var provider = SignatureNameProvider.Instance;
        string type;
        MethodSignature<string> signature;
        if (attribute.Constructor.Kind == HandleKind.MethodDefinition)
        {
            var method = reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor);
            type = provider.GetTypeFromDefinition(reader, method.GetDeclaringType(), 0);
            signature = method.DecodeSignature(provider, null);
        }
        else
        {
            var member = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            type = IlTokenNamer.TypeName(reader, member.Parent);
            signature = member.DecodeMethodSignature(provider, null);
        }

        var blob = Convert.ToHexString(reader.GetBlobBytes(attribute.Value));
        return type + " " + SignatureNameProvider.Format(signature) + " " + blob;
    }
}
