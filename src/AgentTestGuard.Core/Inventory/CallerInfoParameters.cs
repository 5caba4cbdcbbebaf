using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace AgentTestGuard.Inventory;

/// <summary>
/// Finds the parameters of an attribute constructor that the compiler fills with caller information
/// ([CallerFilePath], [CallerLineNumber], ...). Test frameworks use them to remember where a test is
/// (xunit v3's [Fact], MSTest 4's [TestMethod]); the values are where the test is, not what it is.
/// </summary>
internal sealed class CallerInfoParameters(MetadataReader reader, ReferenceAssemblyResolver resolver)
{
    private static readonly HashSet<string> CallerInfoAttributes = new(StringComparer.Ordinal)
    {
        "System.Runtime.CompilerServices.CallerFilePathAttribute",
        "System.Runtime.CompilerServices.CallerLineNumberAttribute",
        "System.Runtime.CompilerServices.CallerMemberNameAttribute",
        "System.Runtime.CompilerServices.CallerArgumentExpressionAttribute",
    };

    private readonly Dictionary<EntityHandle, ImmutableHashSet<int>> _cache = [];

    /// <summary>Zero-based indexes of the caller-info parameters; empty when there are none or the constructor cannot be read.</summary>
    public ImmutableHashSet<int> Of(EntityHandle constructor)
    {
        if (!_cache.TryGetValue(constructor, out var indexes))
        {
            indexes = constructor.Kind switch
            {
                HandleKind.MethodDefinition => Read(reader, reader.GetMethodDefinition((MethodDefinitionHandle)constructor)),
                HandleKind.MemberReference => FromReference((MemberReferenceHandle)constructor),
                _ => [],
            };
            _cache[constructor] = indexes;
        }

        return indexes;
    }

    private ImmutableHashSet<int> FromReference(MemberReferenceHandle handle)
    {
        var member = reader.GetMemberReference(handle);
        if (member.Parent.Kind != HandleKind.TypeReference
            || !resolver.TryResolve(reader, (TypeReferenceHandle)member.Parent, out var target, out var type))
        {
            return [];
        }

        // The referenced constructor is the one whose signature reads the same in the defining assembly.
        var wanted = SignatureNameProvider.Format(member.DecodeMethodSignature(SignatureNameProvider.Instance, null));
        foreach (var methodHandle in target.GetTypeDefinition(type).GetMethods())
        {
            var method = target.GetMethodDefinition(methodHandle);
            if (target.StringComparer.Equals(method.Name, ".ctor")
                && SignatureNameProvider.Format(method.DecodeSignature(SignatureNameProvider.Instance, null)) == wanted)
            {
                return Read(target, method);
            }
        }

        return [];
    }

    private static ImmutableHashSet<int> Read(MetadataReader reader, MethodDefinition method)
    {
        var indexes = ImmutableHashSet.CreateBuilder<int>();
        foreach (var handle in method.GetParameters())
        {
            var parameter = reader.GetParameter(handle);
            foreach (var attribute in parameter.GetCustomAttributes())
            {
                // Sequence number 0 is the return value; parameters count from 1.
                if (parameter.SequenceNumber > 0
                    && CallerInfoAttributes.Contains(MetadataNames.AttributeTypeName(reader, reader.GetCustomAttribute(attribute)) ?? string.Empty))
                {
                    indexes.Add(parameter.SequenceNumber - 1);
                }
            }
        }

        return indexes.ToImmutable();
    }
}
