using System.Reflection;
using Xunit;

namespace AgentTestGuard.Core.Tests.Attributes;

/// <summary>Where the tags may go and how reflection treats them: part of the public surface.</summary>
public sealed class AttributeUsageTests
{
    [Theory]
    [InlineData(typeof(AgentGeneratedAttribute), false)]
    [InlineData(typeof(AcceptanceCriteriaAttribute), true)]
    public void Tags_go_on_methods_and_classes_and_only_criteria_repeat(Type attribute, bool allowMultiple)
    {
        var usage = attribute.GetCustomAttribute<AttributeUsageAttribute>()!;

        Assert.Equal(
            (AttributeTargets.Method | AttributeTargets.Class, allowMultiple, true),
            (usage.ValidOn, usage.AllowMultiple, usage.Inherited));
    }

    /// <summary>
    /// Test frameworks read every attribute's AttributeUsage for every test, and the runtime sets each
    /// named argument of it through reflection: the tags carry only the one named argument repetition needs.
    /// </summary>
    [Theory]
    [InlineData(typeof(AgentGeneratedAttribute), new string[0])]
    [InlineData(typeof(AcceptanceCriteriaAttribute), new[] { nameof(AttributeUsageAttribute.AllowMultiple) })]
    public void The_usage_of_a_tag_has_no_named_argument_it_does_not_need(Type attribute, string[] namedArguments)
    {
        var usage = attribute.GetCustomAttributesData().Single(data => data.AttributeType == typeof(AttributeUsageAttribute));

        Assert.Equal(namedArguments, usage.NamedArguments.Select(argument => argument.MemberName));
    }
}
