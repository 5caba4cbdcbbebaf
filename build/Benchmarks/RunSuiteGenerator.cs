using System.Globalization;
using System.Text;

namespace AgentTestGuard.Benchmarks;

/// <summary>
/// Writes the test project build/benchmark-run.sh runs: trivial xunit v3 facts on
/// Microsoft.Testing.Platform, the same tests in every variant, so that the variants differ only
/// in their package references. With AgentTestGuard, a share of the tests are agent tests
/// (tagged per method, spread evenly over the classes); without it, the same methods carry no
/// AgentTestGuard attribute, as in a project that does not use the package. Agent tests are tagged
/// the way the README shows first, in one attribute (<c>[AgentGenerated("copilot", Criteria = ["CART-1"])]</c>),
/// or, when asked, in two (<c>[AgentGenerated("copilot"), AcceptanceCriteria("CART-1")]</c>):
/// xunit v3 reads every attribute of a test four times, so the second form costs more. Every variant
/// also carries the same phase probe (<see cref="PhaseProbeSource"/>).
/// </summary>
internal static class RunSuiteGenerator
{
    public const string ProjectName = "Bench.Tests";

    /// <param name="packageVersion">AgentTestGuard's version, or null for a project without it.</param>
    /// <param name="trxVersion">Microsoft.Testing.Extensions.TrxReport's version, or null for none.</param>
    public static int Write(string directory, int classes, int testsPerClass, int agentTests, string? packageVersion, string? trxVersion, bool twoAttributes)
    {
        if (classes <= 0 || testsPerClass <= 0 || agentTests < 0 || agentTests > classes * testsPerClass)
        {
            Console.Error.WriteLine("generate-run: need classes > 0, tests-per-class > 0 and 0 <= agent-tests <= classes * tests-per-class");
            return 2;
        }

        Directory.CreateDirectory(directory);
        var withPackage = packageVersion is not null;
        for (var c = 0; c < classes; c++)
        {
            // Class c gets its even share of the agent tests; the first (agentTests % classes) classes one more.
            var agentInClass = withPackage ? agentTests / classes + (c < agentTests % classes ? 1 : 0) : 0;
            File.WriteAllText(Path.Combine(directory, $"Run{c:D4}Tests.cs"), Class(c, testsPerClass, agentInClass, twoAttributes));
        }

        File.WriteAllText(Path.Combine(directory, PhaseProbeSource.FileName), PhaseProbeSource.Text);

        var references = new StringBuilder();
        references.AppendLine(CultureInfo.InvariantCulture, $"""    <PackageReference Include="xunit.v3" Version="{PackageVersions.XunitV3}" />""");
        if (withPackage)
        {
            references.AppendLine(CultureInfo.InvariantCulture, $"""    <PackageReference Include="AgentTestGuard" Version="{packageVersion}" />""");
        }

        if (trxVersion is not null)
        {
            references.AppendLine(CultureInfo.InvariantCulture, $"""    <PackageReference Include="Microsoft.Testing.Extensions.TrxReport" Version="{trxVersion}" />""");
        }

        File.WriteAllText(Path.Combine(directory, $"{ProjectName}.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <ImplicitUsings>enable</ImplicitUsings>
                <UseMicrosoftTestingPlatformRunner>true</UseMicrosoftTestingPlatformRunner>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
            {references.ToString().TrimEnd()}
              </ItemGroup>
              <ItemGroup>
                <!-- The benchmark's phase probe, in every variant; inert unless AGT_BENCH_PHASES is set. -->
                <TestingPlatformBuilderHook Include="0E6C3F0A-4B8D-4C41-9A57-7D2B1E9F3C60">
                  <DisplayName>Benchmark phase probe</DisplayName>
                  <TypeFullName>{PhaseProbeSource.HookTypeFullName}</TypeFullName>
                </TestingPlatformBuilderHook>
              </ItemGroup>
            </Project>

            """);

        if (withPackage)
        {
            File.WriteAllText(Path.Combine(directory, "agenttestguard.policy.json"),
                """{ "owner": "Bench <b@example.com>", "agents": ["copilot"] }""" + "\n");
            File.WriteAllText(Path.Combine(directory, "agenttestguard.criteria.json"),
                """{ "criteria": [ { "id": "CART-1", "text": "t" } ] }""" + "\n");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {classes * testsPerClass} tests in {classes} classes ({(withPackage ? agentTests : 0)} agent tests; AgentTestGuard {packageVersion ?? "none"}; TrxReport {trxVersion ?? "none"}) to {directory}"));
        return 0;
    }

    private static string Class(int index, int tests, int agentTests, bool twoAttributes)
    {
        var agentTag = twoAttributes ? "Fact, AgentGenerated(\"copilot\"), AcceptanceCriteria(\"CART-1\")" : "Fact, AgentGenerated(\"copilot\", Criteria = [\"CART-1\"])";
        var source = new StringBuilder();
        if (agentTests > 0)
        {
            source.AppendLine("using AgentTestGuard;");
        }

        source.AppendLine(CultureInfo.InvariantCulture, $"using Xunit;\n\nnamespace Bench;\n\npublic class Run{index:D4}Tests\n{{");
        for (var m = 0; m < tests; m++)
        {
            var attributes = m < agentTests ? agentTag : "Fact";
            source.AppendLine(CultureInfo.InvariantCulture, $$"""
                    [{{attributes}}]
                    public void Test_{{m:D4}}() => Assert.Equal({{m}}, {{m}});

                """);
        }

        return source.AppendLine("}").ToString();
    }
}
