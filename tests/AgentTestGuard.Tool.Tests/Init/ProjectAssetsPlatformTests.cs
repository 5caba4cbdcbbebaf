using AgentTestGuard.Tool.Init;
using NuGet.Versioning;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Init;

/// <summary>Which platform a restored project resolves, from the shape restore writes to obj/project.assets.json.</summary>
public sealed class ProjectAssetsPlatformTests
{
    private static readonly NuGetVersion Required = NuGetVersion.Parse("2.5.1");

    public ProjectAssetsPlatformTests() => MSBuildRegistration.Ensure();

    [Fact]
    public void A_platform_brought_by_the_test_framework_names_the_framework()
    {
        var finding = ProjectAssetsPlatform.Read(Assets(
            """
            "MSTest/3.11.1": { "type": "package", "dependencies": { "MSTest.TestAdapter": "3.11.1" } },
            "MSTest.TestAdapter/3.11.1": { "type": "package", "dependencies": { "Microsoft.Testing.Platform.MSBuild": "1.9.1" } },
            "Microsoft.Testing.Platform.MSBuild/1.9.1": { "type": "package", "dependencies": { "Microsoft.Testing.Platform": "1.9.1" } },
            "Microsoft.Testing.Platform/1.9.1": { "type": "package" },
            "Shouldly/4.3.0": { "type": "package" }
            """,
            "\"Shouldly\": {}, \"MSTest\": {}"), Required);

        Assert.Equal(new PlatformFinding(PlatformState.TooOld, "1.9.1", "MSTest 3.11.1"), finding);
    }

    [Fact]
    public void A_direct_pin_is_named_before_the_framework_that_also_brings_it()
    {
        var finding = ProjectAssetsPlatform.Read(Assets(
            """
            "xunit.v3/3.2.2": { "type": "package", "dependencies": { "Microsoft.Testing.Platform": "1.9.1" } },
            "Microsoft.Testing.Platform/2.3.0": { "type": "package" }
            """,
            "\"xunit.v3\": {}, \"Microsoft.Testing.Platform\": {}"), Required);

        Assert.Equal(new PlatformFinding(PlatformState.TooOld, "2.3.0", "Microsoft.Testing.Platform 2.3.0"), finding);
    }

    [Fact]
    public void The_required_version_or_later_is_supported_and_no_platform_at_all_is_VSTest()
    {
        Assert.Equal(PlatformFinding.Supported, ProjectAssetsPlatform.Read(Assets("\"Microsoft.Testing.Platform/2.5.1\": { \"type\": \"package\" }", ""), Required));
        Assert.Equal(
            new PlatformFinding(PlatformState.NotOnPlatform),
            ProjectAssetsPlatform.Read(Assets("\"Microsoft.NET.Test.Sdk/17.14.1\": { \"type\": \"package\" }", "\"Microsoft.NET.Test.Sdk\": {}"), Required));
    }

    private static string Assets(string packages, string dependencies) => $$"""
        {
          "version": 3,
          "targets": {
            "net10.0": { {{packages}} },
            "net10.0/linux-x64": { }
          },
          "project": { "frameworks": { "net10.0": { "dependencies": { {{dependencies}} } } } }
        }
        """;
}
