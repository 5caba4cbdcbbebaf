using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace AgentTestGuard.Inventory;

/// <summary>The AgentTestGuard attributes one method or class carries.</summary>
/// <param name="AgentGenerated">The <c>[AgentGenerated]</c> attribute, or the <c>[AgentFact]</c> or <c>[AgentTheory]</c> that carries the tag itself, if any.</param>
/// <param name="Agent">Its agent argument, as written (null when the attribute is absent or passed null).</param>
/// <param name="CriteriaAttributes">Every <c>[AcceptanceCriteria]</c> attribute, in metadata order.</param>
/// <param name="CriterionIds">The ids of all of them and of <c>[AgentGenerated]</c>'s <c>Criteria</c> (or <c>[AgentFact]</c>'s criteria), as written.</param>
/// <param name="AgentGeneratedNamesCriteria">Whether <c>[AgentGenerated]</c> has a <c>Criteria</c> argument (<c>[AgentFact]</c> always names criteria).</param>
internal sealed record AgentAttributes(
    CustomAttributeHandle? AgentGenerated,
    string? Agent,
    AgentEvidence Evidence,
    IReadOnlyList<CustomAttributeHandle> CriteriaAttributes,
    IReadOnlyList<string> CriterionIds,
    bool AgentGeneratedNamesCriteria)
{
    /// <summary>The tag as the user wrote it, for fix texts: AgentGenerated, AgentFact or AgentTheory.</summary>
    public string TagName { get; init; } = "AgentGenerated";
}

/// <summary>
/// Reads <c>[AgentGenerated]</c>, <c>[AcceptanceCriteria]</c>, and xunit v3's <c>[AgentFact]</c> and
/// <c>[AgentTheory]</c>, matched by full name whatever assembly defines them.
/// </summary>
internal static class AgentAttributeReader
{
    private static readonly AgentAttributes None = new(null, null, AgentEvidence.None, [], [], false);

    public static AgentAttributes Read(MetadataReader reader, CustomAttributeHandleCollection attributes)
    {
        // Most methods carry no AgentTestGuard attribute: answer them without allocating.
        if (!HasAny(reader, attributes))
        {
            return None;
        }

        CustomAttributeHandle? agentGenerated = null;
        string? agent = null;
        var evidence = AgentEvidence.None;
        var agentNamesCriteria = false;
        var tagName = "AgentGenerated";
        var criteriaAttributes = new List<CustomAttributeHandle>();
        var ids = new List<string>();
        foreach (var handle in attributes)
        {
            var attribute = reader.GetCustomAttribute(handle);
            var attributeName = MetadataNames.AttributeTypeName(reader, attribute);
            switch (attributeName)
            {
                case KnownAttributes.AgentGenerated:
                case KnownAttributes.AgentFact:
                case KnownAttributes.AgentTheory:
                    var value = attribute.DecodeValue(SignatureNameProvider.Instance);
                    agentGenerated = handle;
                    tagName = attributeName switch
                    {
                        KnownAttributes.AgentFact => "AgentFact",
                        KnownAttributes.AgentTheory => "AgentTheory",
                        _ => "AgentGenerated",
                    };
                    agent = value.FixedArguments.Length > 0 ? value.FixedArguments[0].Value as string : null;
                    evidence = ReadEvidence(value);

                    // [AgentGenerated("copilot", Criteria = ["CART-1"])]; xunit v3's test attribute and tag in
                    // one, [AgentFact("copilot", "CART-1")] or ("copilot", ["CART-1", "CART-2"]), always names them.
                    if (TryGetNamed(value, KnownAttributes.AgentGeneratedCriteria, out var criteria))
                    {
                        agentNamesCriteria = true;
                        ids.AddRange(ReadIds(criteria));
                    }
                    else if (value.FixedArguments.Length > 1)
                    {
                        agentNamesCriteria = true;
                        ids.AddRange(ReadIds(value.FixedArguments[1].Value));
                    }

                    break;
                case KnownAttributes.AcceptanceCriteria:
                    criteriaAttributes.Add(handle);
                    foreach (var argument in attribute.DecodeValue(SignatureNameProvider.Instance).FixedArguments)
                    {
                        ids.AddRange(ReadIds(argument.Value));
                    }

                    break;
            }
        }

        return new AgentAttributes(agentGenerated, agent, evidence, criteriaAttributes, ids, agentNamesCriteria) { TagName = tagName };
    }

    private static bool HasAny(MetadataReader reader, CustomAttributeHandleCollection attributes)
    {
        foreach (var handle in attributes)
        {
            if (IsAgentTestGuardAttribute(reader, reader.GetCustomAttribute(handle)))
            {
                return true;
            }
        }

        return false;
    }

    // The attributes the scan reads, by simple name in AgentTestGuard's namespace.
    private static readonly string[] OwnAttributeNames =
    [
        KnownAttributes.AgentGeneratedName,
        KnownAttributes.AcceptanceCriteriaName,
        KnownAttributes.AgentFactName,
        KnownAttributes.AgentTheoryName,
    ];

    /// <summary>Whether the attribute is one of the package's: its type is resolved once, whichever name it has.</summary>
    private static bool IsAgentTestGuardAttribute(MetadataReader reader, CustomAttribute attribute)
    {
        var name = MetadataNames.AttributeNameIn(reader, attribute, KnownAttributes.AgentTestGuardNamespace);
        if (name.IsNil)
        {
            return false;
        }

        foreach (var ownName in OwnAttributeNames)
        {
            if (reader.StringComparer.Equals(name, ownName))
            {
                return true;
            }
        }

        return false;
    }

    private static AgentEvidence ReadEvidence(CustomAttributeValue<string> value)
    {
        string? Named(string name) => TryGetNamed(value, name, out var argument) ? argument as string : null;

        var evidence = new AgentEvidence(Named("Model"), Named("Session"), Named("Prompt"));
        return evidence == AgentEvidence.None ? AgentEvidence.None : evidence;
    }

    /// <summary>A named argument (a property set in the attribute), when it is given.</summary>
    private static bool TryGetNamed(CustomAttributeValue<string> value, string name, out object? argument)
    {
        foreach (var named in value.NamedArguments)
        {
            if (named.Name == name)
            {
                argument = named.Value;
                return true;
            }
        }

        argument = null;
        return false;
    }

    /// <summary>A <c>string[]</c> argument (or a lone string): each element, skipping nulls (a null array reads as none).</summary>
    private static IEnumerable<string> ReadIds(object? value)
    {
        switch (value)
        {
            case ImmutableArray<CustomAttributeTypedArgument<string>> elements:
                foreach (var element in elements)
                {
                    if (element.Value is string id)
                    {
                        yield return id;
                    }
                }

                break;
            case string id:
                yield return id;
                break;
        }
    }
}
