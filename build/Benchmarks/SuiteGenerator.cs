using System.Globalization;
using System.Text;

namespace AgentTestGuard.Benchmarks;

/// <summary>
/// Writes an xunit v3 test project with the given number of tests, of which a share are agent
/// tests, in the shapes real suites have: plain, theory with data rows, async, with lambdas;
/// tagged on the method or on the class.
/// </summary>
internal static class SuiteGenerator
{
    private const int TestsPerClass = 20;

    public static int Write(string directory, int tests, int agentTests, string packageVersion)
    {
        Directory.CreateDirectory(directory);
        var classes = tests / TestsPerClass;
        var agentClasses = agentTests / TestsPerClass;

        // Half the agent tests are tagged per class, half per method in otherwise human classes.
        var classTagged = agentClasses / 2;
        var methodTaggedClasses = agentClasses - classTagged;
        for (var c = 0; c < classes; c++)
        {
            var kind = c < classTagged ? Tagging.Class : c < classTagged + methodTaggedClasses * 2 ? Tagging.HalfTheMethods : Tagging.None;
            File.WriteAllText(Path.Combine(directory, $"Suite{c:D4}Tests.cs"), Class(c, kind));
        }

        File.WriteAllText(Path.Combine(directory, "Suite.Tests.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <ImplicitUsings>enable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="xunit.v3" Version="{PackageVersions.XunitV3}" />
                <PackageReference Include="AgentTestGuard" Version="{packageVersion}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "agenttestguard.policy.json"),
            """{ "owner": "Bench Mark <bench@example.com>", "agents": ["copilot", "claude-code"], "criteriaPatterns": [ { "pattern": "JIRA-[0-9]+" } ] }""");
        var catalog = new StringBuilder("{ \"criteria\": [\n");
        for (var i = 0; i < 500; i++)
        {
            catalog.Append(CultureInfo.InvariantCulture, $"  {{ \"id\": \"REQ-{i}\", \"text\": \"Requirement number {i}.\" }}{(i < 499 ? "," : "")}\n");
        }

        File.WriteAllText(Path.Combine(directory, "agenttestguard.criteria.json"), catalog.Append("] }\n").ToString());
        Console.WriteLine($"wrote {classes * TestsPerClass} tests in {classes} classes to {directory}");
        return 0;
    }

    private enum Tagging
    {
        None,
        Class,
        HalfTheMethods,
    }

    private static string Class(int index, Tagging tagging)
    {
        var source = new StringBuilder();
        source.AppendLine("using AgentTestGuard;\nusing Xunit;\n\nnamespace Suite;\n");
        if (tagging == Tagging.Class)
        {
            source.AppendLine(CultureInfo.InvariantCulture, $"[AgentGenerated(\"copilot\"), AcceptanceCriteria(\"REQ-{index % 500}\")]");
        }

        source.AppendLine(CultureInfo.InvariantCulture, $"public class Suite{index:D4}Tests\n{{");
        for (var m = 0; m < TestsPerClass; m++)
        {
            var tag = tagging == Tagging.HalfTheMethods && m % 2 == 0
                ? $", AgentGenerated(\"claude-code\", Model = \"m\"), AcceptanceCriteria(\"REQ-{(index + m) % 500}\", \"JIRA-{m}\")"
                : "";
            source.AppendLine((m % 4) switch
            {
                0 => $$"""
                        [Fact{{tag}}]
                        public void Adds_{{m}}()
                        {
                            var sum = {{m}} + {{index}};
                            Assert.Equal({{m + index}}, sum);
                        }
                    """,
                1 => $$"""
                        [Theory{{tag}}]
                        [InlineData({{m}}, "a")]
                        [InlineData({{m + 1}}, "b")]
                        public void Formats_{{m}}(int value, string suffix)
                        {
                            Assert.EndsWith(suffix, value.ToString(System.Globalization.CultureInfo.InvariantCulture) + suffix, StringComparison.Ordinal);
                        }
                    """,
                2 => $$"""
                        [Fact{{tag}}]
                        public async Task Awaits_{{m}}()
                        {
                            var value = await Task.FromResult({{m}});
                            Assert.Equal({{m}}, value);
                        }
                    """,
                _ => $$"""
                        [Fact{{tag}}]
                        public void Filters_{{m}}()
                        {
                            var limit = {{m}};
                            var items = Enumerable.Range(0, 10).Where(i => i < limit).ToList();
                            Assert.All(items, i => Assert.True(i < limit));
                        }
                    """,
            });
        }

        return source.AppendLine("}").ToString();
    }
}
