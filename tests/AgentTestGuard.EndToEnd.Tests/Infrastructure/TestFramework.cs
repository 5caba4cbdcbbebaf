namespace AgentTestGuard.EndToEnd.Tests.Infrastructure;

/// <summary>The test frameworks the package supports, with the project file a user would have.</summary>
public enum TestFramework
{
    XunitV3,
    MSTest,
}

internal static class TestFrameworkProjects
{
    public static string ProjectFile(TestFramework framework) => framework switch
    {
        TestFramework.XunitV3 => $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="xunit.v3" Version="{BuildInfo.XunitV3Version}" />
              </ItemGroup>
            </Project>
            """,
        TestFramework.MSTest => $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <EnableMSTestRunner>true</EnableMSTestRunner>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="MSTest" Version="{BuildInfo.MSTestVersion}" />
              </ItemGroup>
            </Project>
            """,
        _ => throw new ArgumentOutOfRangeException(nameof(framework)),
    };

    /// <summary>The attribute that makes a method a test, for sources written once for both frameworks.</summary>
    public static string TestAttribute(TestFramework framework) => framework == TestFramework.XunitV3 ? "Fact" : "TestMethod";

    public static string Usings(TestFramework framework) => framework == TestFramework.XunitV3
        ? "using Xunit;\nusing AgentTestGuard;"
        : "using Microsoft.VisualStudio.TestTools.UnitTesting;\nusing AgentTestGuard;";

    public static string ClassAttribute(TestFramework framework) => framework == TestFramework.XunitV3 ? "" : "[TestClass]";
}
