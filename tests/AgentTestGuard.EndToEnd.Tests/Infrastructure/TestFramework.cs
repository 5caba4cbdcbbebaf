namespace AgentTestGuard.EndToEnd.Tests.Infrastructure;

/// <summary>The test frameworks the package supports, with the project file a user would have.</summary>
public enum TestFramework
{
    XunitV3,
    MSTest,

    /// <summary>NUnit, run by its adapter's Microsoft.Testing.Platform runner.</summary>
    NUnit,

    TUnit,
}

internal static class TestFrameworkProjects
{
    public static string ProjectFile(TestFramework framework)
    {
        var (packages, properties) = ProjectParts(framework);
        var references = string.Join("\n    ", packages.Select(p => $"<PackageReference Include=\"{p.Id}\" Version=\"{p.Version}\" />"));
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>{properties}
              </PropertyGroup>
              <ItemGroup>
                {references}
              </ItemGroup>
            </Project>
            """;
    }

    private static ((string Id, string Version)[] Packages, string Properties) ProjectParts(TestFramework framework) => framework switch
    {
        TestFramework.XunitV3 => ([("xunit.v3", BuildInfo.XunitV3Version)], ""),
        TestFramework.MSTest => ([("MSTest", BuildInfo.MSTestVersion)], "\n    <EnableMSTestRunner>true</EnableMSTestRunner>"),
        TestFramework.NUnit => ([("NUnit", BuildInfo.NUnitVersion), ("NUnit3TestAdapter", BuildInfo.NUnitAdapterVersion)], "\n    <EnableNUnitRunner>true</EnableNUnitRunner>"),
        TestFramework.TUnit => ([("TUnit", BuildInfo.TUnitVersion)], ""),
        _ => throw new ArgumentOutOfRangeException(nameof(framework)),
    };

    /// <summary>The attribute that makes a method a test, for sources written once for every framework.</summary>
    public static string TestAttribute(TestFramework framework) => framework switch
    {
        TestFramework.XunitV3 => "Fact",
        TestFramework.MSTest => "TestMethod",
        TestFramework.NUnit or TestFramework.TUnit => "Test",
        _ => throw new ArgumentOutOfRangeException(nameof(framework)),
    };

    /// <summary>Each framework's namespace holds an <c>Assert.Fail(string)</c>.</summary>
    public static string Usings(TestFramework framework) => framework switch
    {
        TestFramework.XunitV3 => "using Xunit;\nusing AgentTestGuard;",
        TestFramework.MSTest => "using Microsoft.VisualStudio.TestTools.UnitTesting;\nusing AgentTestGuard;",
        TestFramework.NUnit => "using NUnit.Framework;\nusing AgentTestGuard;",
        TestFramework.TUnit => "using TUnit.Assertions;\nusing AgentTestGuard;",
        _ => throw new ArgumentOutOfRangeException(nameof(framework)),
    };

    public static string ClassAttribute(TestFramework framework) => framework == TestFramework.MSTest ? "[TestClass]" : "";
}
