using System.Reflection;
using Xunit;

namespace AgentTestGuard.Core.Tests.Attributes;

/// <summary>Where the tags may go and how reflection treats them: part of the public surface.</summary>
public sealed class AttributeUsageTests
{
    [Theory]
    [InlineData(typeof(AgentGeneratedAttribute), false)]
    [InlineData(typeof(AcceptanceCriteriaAttribute), true)]
    public void Tags_go_on_methods_and_classes_are_not_inherited_and_only_criteria_repeat(Type attribute, bool allowMultiple)
    {
        var usage = attribute.GetCustomAttribute<AttributeUsageAttribute>()!;

        Assert.Equal(
            (AttributeTargets.Method | AttributeTargets.Class, allowMultiple, false),
            (usage.ValidOn, usage.AllowMultiple, usage.Inherited));
    }
}
