using System.Reflection.Metadata;

namespace AgentTestGuard.Inventory;

/// <summary>
/// For async and iterator methods the compiler leaves a kickoff stub in place and moves the body into
/// <c>MoveNext</c> of a generated state machine type, which the kickoff's
/// <c>[AsyncStateMachine(typeof(...))]</c> (or iterator equivalent) names.
/// </summary>
internal static class StateMachineLocator
{
    /// <summary>The state machine's <c>MoveNext</c>, or a nil handle when the method is not a state machine kickoff.</summary>
    public static MethodDefinitionHandle FindMoveNext(MetadataReader reader, MethodDefinitionHandle kickoff)
    {
        var method = reader.GetMethodDefinition(kickoff);
        foreach (var handle in method.GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (!KnownAttributes.StateMachine.Contains(MetadataNames.AttributeTypeName(reader, attribute) ?? string.Empty))
            {
                continue;
            }

            var value = attribute.DecodeValue(SignatureNameProvider.Instance);
            if (value.FixedArguments.Length == 1
                && value.FixedArguments[0].Value is string typeName
                && FindType(reader, method.GetDeclaringType(), typeName) is { IsNil: false } stateMachine)
            {
                return FindMethod(reader, stateMachine, "MoveNext");
            }
        }

        return default;
    }

    /// <summary>The state machine is nested in the kickoff's type; other places are searched only as a fallback.</summary>
    private static TypeDefinitionHandle FindType(MetadataReader reader, TypeDefinitionHandle declaring, string fullName)
    {
        foreach (var nested in reader.GetTypeDefinition(declaring).GetNestedTypes())
        {
            if (MetadataNames.TypeDefinition(reader, nested) == fullName)
            {
                return nested;
            }
        }

        foreach (var type in reader.TypeDefinitions)
        {
            if (MetadataNames.TypeDefinition(reader, type) == fullName)
            {
                return type;
            }
        }

        return default;
    }

    private static MethodDefinitionHandle FindMethod(MetadataReader reader, TypeDefinitionHandle type, string name)
    {
        foreach (var handle in reader.GetTypeDefinition(type).GetMethods())
        {
            if (reader.StringComparer.Equals(reader.GetMethodDefinition(handle).Name, name))
            {
                return handle;
            }
        }

        return default;
    }
}
