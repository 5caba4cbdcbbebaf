using System.Reflection.Metadata;

namespace AgentTestGuard.Inventory;

/// <summary>
/// Custom attributes as fingerprint text: type, constructor signature and the value blob (which holds
/// values and serialized type names, never tokens), sorted so their order in source does not matter.
/// Arguments the compiler fills with caller information (the test's source path and line) are left
/// out: they say where the test is, and would change with every line added above it.
/// </summary>
internal sealed class CanonicalAttributes(MetadataReader reader, ReferenceAssemblyResolver resolver)
{
    private readonly CallerInfoParameters callerInfo = new(reader, resolver);

    public IReadOnlyList<string> Describe(IEnumerable<CustomAttributeHandle> attributes)
    {
        var lines = new List<string>();
        foreach (var handle in attributes)
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (!KnownAttributes.Bookkeeping.Contains(MetadataNames.AttributeTypeName(reader, attribute) ?? string.Empty))
            {
                lines.Add(Describe(attribute));
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private string Describe(CustomAttribute attribute)
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

        var omitted = callerInfo.Of(attribute.Constructor);
        var value = omitted.Count > 0
            ? AttributeBlob.DescribeWithout(reader, attribute.Value, signature.ParameterTypes, omitted)
            : null;
        return type + " " + SignatureNameProvider.Format(signature) + " " + (value ?? Convert.ToHexString(reader.GetBlobBytes(attribute.Value)));
    }
}
