using AgentTestGuard.ContinuousIntegration;
using Xunit;

namespace AgentTestGuard.Core.Tests.ContinuousIntegration;

/// <summary>Detection itself is covered where the extension resolves its settings (RunSettingsTests).</summary>
public sealed class CiServicesTests
{
    [Fact]
    public void Detection_reads_only_variables_a_child_is_cleared_of()
    {
        var asked = new List<string>();

        CiServices.IsDetected(name =>
        {
            asked.Add(name);
            return null;
        });

        Assert.Equal(["CI", "TF_BUILD", "JENKINS_URL", "TEAMCITY_VERSION"], asked);
        Assert.Subset(CiServices.Variables.ToHashSet(), asked.ToHashSet());
    }
}
