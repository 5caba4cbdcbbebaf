namespace AgentTestGuard.EndToEnd.Tests.Infrastructure;

/// <summary>The test frameworks the package supports, with the project file a user would have.</summary>
public enum TestFramework
{
    XunitV3,
    MSTest,
}

internal static class TestFrameworkProjects
{
    public static string ProjectFile(TestFramework framework)
    {
        var (package, version, properties) = framework switch
        {
            TestFramework.XunitV3 => ("xunit.v3", BuildInfo.XunitV3Version, ""),
            TestFramework.MSTest => ("MSTest", BuildInfo.MSTestVersion, "\n    <EnableMSTestRunner>true</EnableMSTestRunner>"),
            _ => throw new ArgumentOutOfRangeException(nameof(framework)),
        };
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>{properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{package}" Version="{version}" />
              </ItemGroup>
            </Project>
            """;
    }

    /// <summary>The attribute that makes a method a test, for sources written once for both frameworks.</summary>
    public static string TestAttribute(TestFramework framework) => framework == TestFramework.XunitV3 ? "Fact" : "TestMethod";

    public static string Usings(TestFramework framework) => framework == TestFramework.XunitV3
        ? "using Xunit;\nusing AgentTestGuard;"
        : "using Microsoft.VisualStudio.TestTools.UnitTesting;\nusing AgentTestGuard;";

    public static string ClassAttribute(TestFramework framework) => framework == TestFramework.XunitV3 ? "" : "[TestClass]";
}
