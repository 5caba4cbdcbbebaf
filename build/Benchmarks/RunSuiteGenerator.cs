using System.Globalization;
using System.Text;

namespace AgentTestGuard.Benchmarks;

/// <summary>
/// Writes the test project build/benchmark-run.sh runs: trivial xunit v3 facts on
/// Microsoft.Testing.Platform, the same tests in every variant, so that the variants differ only
/// in their package references. With AgentTestGuard, a share of the tests are agent tests
/// (tagged per method, spread evenly over the classes); without it, the same methods carry no
/// AgentTestGuard attribute, as in a project that does not use the package. Agent tests are tagged
/// the way the README shows first for xunit v3, <c>[AgentFact("copilot", "CART-1")]</c> (the test
/// attribute and the tag in one), or, when asked (<see cref="TagForm"/>), beside <c>[Fact]</c> in one
/// attribute (<c>[AgentGenerated("copilot", Criteria = ["CART-1"])]</c>) or two
/// (<c>[AgentGenerated("copilot"), AcceptanceCriteria("CART-1")]</c>): xunit v3 reads every attribute
/// of a test four times, so each attribute beside <c>[Fact]</c> costs the run. Every variant also
/// carries the same phase probe (<see cref="PhaseProbeSource"/>).
/// <para>
/// A third kind of variant has the agent tests tagged but no package: the package's attribute
/// sources are compiled into the project itself (<see cref="TagsOnly"/>). Its run costs what the
/// tags cost xunit's reflection and nothing else, so the benchmark can tell that part of the
/// package's cost from the extension's.
/// </para>
/// <para>
/// A fourth has no package and no tags, but an inert extension registered the way the package
/// registers its own (<see cref="HooksOnly"/>, <see cref="InertExtensionSource"/>): what the platform
/// charges for hosting such an extension, apart from anything the package's extension does.
/// </para>
/// </summary>
internal static class RunSuiteGenerator
{
    public const string ProjectName = "Bench.Tests";

    /// <summary>The package version that asks for tagged tests without the package.</summary>
    public const string TagsOnly = "tags";

    /// <summary>The package version that asks for the inert extension without the package or tags.</summary>
    public const string HooksOnly = "hooks";

    /// <summary>The package's attribute sources, embedded in this harness by its project file.</summary>
    private static readonly string[] AttributeSources = ["AgentGeneratedAttribute.cs", "AcceptanceCriteriaAttribute.cs", "AgentTestGuard.Xunit.cs"];

    /// <param name="packageVersion">AgentTestGuard's version; null for a project without it; <see cref="TagsOnly"/> for a project without it whose agent tests are tagged all the same; <see cref="HooksOnly"/> for one without it that carries the inert extension.</param>
    /// <param name="trxVersion">Microsoft.Testing.Extensions.TrxReport's version, or null for none.</param>
    public static int Write(string directory, int classes, int testsPerClass, int agentTests, string? packageVersion, string? trxVersion, TagForm tagForm)
    {
        if (classes <= 0 || testsPerClass <= 0 || agentTests < 0 || agentTests > classes * testsPerClass)
        {
            Console.Error.WriteLine("generate-run: need classes > 0, tests-per-class > 0 and 0 <= agent-tests <= classes * tests-per-class");
            return 2;
        }

        Directory.CreateDirectory(directory);
        var tagsOnly = packageVersion == TagsOnly;
        var hooksOnly = packageVersion == HooksOnly;
        var withPackage = packageVersion is not null && !tagsOnly && !hooksOnly;
        var tagged = withPackage || tagsOnly;
        for (var c = 0; c < classes; c++)
        {
            // Class c gets its even share of the agent tests; the first (agentTests % classes) classes one more.
            var agentInClass = tagged ? agentTests / classes + (c < agentTests % classes ? 1 : 0) : 0;
            File.WriteAllText(Path.Combine(directory, $"Run{c:D4}Tests.cs"), Class(c, testsPerClass, agentInClass, tagForm));
        }

        File.WriteAllText(Path.Combine(directory, PhaseProbeSource.FileName), PhaseProbeSource.Text);
        if (tagsOnly)
        {
            foreach (var name in AttributeSources)
            {
                File.WriteAllText(Path.Combine(directory, name), "#nullable enable\n" + EmbeddedSource(name));
            }
        }

        var inertHook = "";
        if (hooksOnly)
        {
            File.WriteAllText(Path.Combine(directory, InertExtensionSource.FileName), InertExtensionSource.Text);
            inertHook = $"""

                    <TestingPlatformBuilderHook Include="5B1D7E2C-9A4F-4E63-8C0B-3F6A2D9E7B14">
                      <DisplayName>Benchmark inert extension</DisplayName>
                      <TypeFullName>{InertExtensionSource.HookTypeFullName}</TypeFullName>
                    </TestingPlatformBuilderHook>
                """;
        }

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
                </TestingPlatformBuilderHook>{inertHook}
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
            $"wrote {classes * testsPerClass} tests in {classes} classes ({(tagged ? agentTests : 0)} agent tests; AgentTestGuard {(tagsOnly ? "none, its attributes compiled in" : hooksOnly ? "none, an inert extension registered like it" : packageVersion ?? "none")}; TrxReport {trxVersion ?? "none"}) to {directory}"));
        return 0;
    }

    private static string EmbeddedSource(string name)
    {
        using var stream = typeof(RunSuiteGenerator).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the harness has no embedded {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string Class(int index, int tests, int agentTests, TagForm tagForm)
    {
        var agentTag = tagForm switch
        {
            TagForm.Fact => "AgentFact(\"copilot\", \"CART-1\")",
            TagForm.One => "Fact, AgentGenerated(\"copilot\", Criteria = [\"CART-1\"])",
            _ => "Fact, AgentGenerated(\"copilot\"), AcceptanceCriteria(\"CART-1\")",
        };
        var source = new StringBuilder();
        if (agentTests > 0)
        {
            source.AppendLine("using AgentTestGuard;");
        }

        source.AppendLine(CultureInfo.InvariantCulture, $"using Xunit;\n\nnamespace Bench;\n\npublic class Run{index:D4}Tests\n{{");
        for (var m = 0; m < tests; m++)
        {
            var attributes = m < agentTests ? agentTag : "Fact";
            // Not Assert.Equal(m, m): an assertion of a constant against itself is a build warning (AGT0020).
            source.AppendLine(CultureInfo.InvariantCulture, $$"""
                    [{{attributes}}]
                    public void Test_{{m:D4}}() => Assert.Equal({{m}}, {{m}} + "".Length);

                """);
        }

        return source.AppendLine("}").ToString();
    }
}

/// <summary>How the suite's agent tests are tagged (build/benchmark-run.sh's AGT_BENCH_TAGS).</summary>
internal enum TagForm
{
    /// <summary><c>[AgentFact("copilot", "CART-1")]</c>: xunit v3's fact with the tag built in.</summary>
    Fact,

    /// <summary><c>[Fact, AgentGenerated("copilot", Criteria = ["CART-1"])]</c>.</summary>
    One,

    /// <summary><c>[Fact, AgentGenerated("copilot"), AcceptanceCriteria("CART-1")]</c>.</summary>
    Two,
}
