using AgentTestGuard.Tool.Workspace;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Workspace;

public sealed class BuildSettingsTests
{
    [Fact]
    public void Properties_are_name_value_pairs_repeated_or_separated_by_semicolons()
    {
        var properties = BuildSettings.ParseProperties(["A=1", "B=x=y;C=", " D =2"], out var problem);

        Assert.Null(problem);
        Assert.Equal([new("A", "1"), new("B", "x=y"), new("C", ""), new("D", "2")], properties!);
    }

    [Fact]
    public void A_property_without_a_name_is_refused()
    {
        Assert.Null(BuildSettings.ParseProperties(["A=1;=2"], out var problem));
        Assert.Equal("=2", problem);
        Assert.Null(BuildSettings.ParseProperties(["NoValue"], out problem));
        Assert.Equal("NoValue", problem);
    }

    [Fact]
    public void The_build_gets_every_setting_restore_only_the_properties_and_evaluation_sees_them_as_global_properties()
    {
        var settings = new BuildSettings("Release", "net8.0", [new("TreatWarningsAsErrors", "false")]);

        Assert.Equal(["-c", "Release", "-f", "net8.0", "-p:TreatWarningsAsErrors=false"], settings.Arguments("build"));
        Assert.Equal(["-p:TreatWarningsAsErrors=false"], settings.Arguments("restore"));
        Assert.Equal(
            new Dictionary<string, string> { ["TreatWarningsAsErrors"] = "false", ["Configuration"] = "Release", ["TargetFramework"] = "net8.0" },
            settings.GlobalProperties());
    }
}

public sealed class DotNetBuildTests
{
    [Fact]
    public void A_failure_is_told_by_its_first_three_distinct_errors_without_the_project_suffix_and_the_log()
    {
        const string Output = """
              Determining projects to restore...
            /r/Shop.Tests/CartTests.cs(3,5): error CS1002: ; expected [/r/Shop.Tests/Shop.Tests.csproj]
            /r/Shop.Tests/CartTests.cs(3,5): error CS1002: ; expected [/r/Shop.Tests/Shop.Tests.csproj]
            /r/Shop.Tests/CartTests.cs(4,1): error CS1513: } expected [/r/Shop.Tests/Shop.Tests.csproj]
            /r/Shop.Tests/Shop.Tests.csproj : error NU1605: Detected package downgrade [/r/Shop.Tests/Shop.Tests.csproj]
            /r/Shop.Tests/Other.cs(9,9): error CS0103: The name 'x' does not exist in the current context [/r/Shop.Tests/Shop.Tests.csproj::TargetFramework=net10.0]
            """;

        Assert.Equal(
            "/r/Shop.Tests/CartTests.cs(3,5): error CS1002: ; expected | /r/Shop.Tests/CartTests.cs(4,1): error CS1513: } expected"
            + " | /r/Shop.Tests/Shop.Tests.csproj : error NU1605: Detected package downgrade (and 1 more); log: /r/build.log",
            DotNetBuild.Summarize(Output, "/r/build.log"));
    }

    [Fact]
    public void Without_an_error_line_the_first_line_says_what_happened()
    {
        Assert.Equal("MSBUILD : error MSB1009: Project file does not exist.; log: /r/build.log", DotNetBuild.Summarize("\nMSBUILD : error MSB1009: Project file does not exist.\n", "/r/build.log"));
        Assert.Equal("The SDK was not found; log: /r/build.log", DotNetBuild.Summarize("The SDK was not found\n", "/r/build.log"));
    }
}
