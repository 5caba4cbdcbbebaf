using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using AgentTestGuard.Assertions;
using AgentTestGuard.Core.Tests.TestSupport;
using AgentTestGuard.Inventory;
using Xunit;

namespace AgentTestGuard.Core.Tests.Assertions;

/// <summary>No false AGT0020 on ordinary tests: this project's own hundreds of tests, and the repository's samples.</summary>
public sealed class OrdinaryTestsTests
{
    [Fact]
    public void No_test_of_this_project_is_found_unable_to_fail()
    {
        var path = typeof(OrdinaryTestsTests).Assembly.Location;
        using var pe = new PEReader(File.OpenRead(path));
        var reader = pe.GetMetadataReader();
        var checker = new AssertionChecker(reader, pe, AssertionApis.BuiltIn);
        var checkedTests = 0;
        var findings = new List<string>();
        foreach (var type in reader.TypeDefinitions.Where(type => !MetadataNames.IsGeneratedType(reader, type)))
        {
            foreach (var handle in reader.GetTypeDefinition(type).GetMethods())
            {
                var method = reader.GetMethodDefinition(handle);
                if (!method.GetCustomAttributes().Any(attribute => MetadataNames.AttributeTypeName(reader, reader.GetCustomAttribute(attribute)) is "Xunit.FactAttribute" or "Xunit.TheoryAttribute"))
                {
                    continue;
                }

                checkedTests++;
                if (checker.Check(handle, out _) is { } finding)
                {
                    findings.Add($"{MetadataNames.TypeDefinition(reader, type)}.{reader.GetString(method.Name)}: {finding.Detail}");
                }
            }
        }

        Assert.Empty(findings);
        Assert.InRange(checkedTests, 200, int.MaxValue);
    }

    [Fact]
    public void No_agent_test_of_the_samples_is_found_unable_to_fail()
    {
        var samples = Path.Combine(RepositoryRoot(), "samples");
        var sources = new[] { "Shop", "Shop.XunitTests", "Shop.MSTestTests" }
            .SelectMany(project => Directory.GetFiles(Path.Combine(samples, project), "*.cs"))
            .Order(StringComparer.Ordinal)
            .Select(file => (file, File.ReadAllText(file)))
            .ToList();
        using var stream = typeof(OrdinaryTestsTests).Assembly.GetManifestResourceStream("AgentTestGuard.Xunit.cs")!;
        using var text = new StreamReader(stream);
        var agentFact = ("/_/obj/AgentTestGuard.Xunit.cs", text.ReadToEnd());
        var options = AssertionCompilation.Options() with { ExtraSources = [.. AssertionCompilation.Options().ExtraSources, agentFact, .. sources.Skip(1)] };

        var scan = TestCompiler.CompileAndScan(sources[0].Item2, options with { SourcePath = sources[0].file });

        Assert.Empty(scan.Diagnostics);
        Assert.InRange(scan.Tests.Count, 5, int.MaxValue);
        Assert.All(scan.Tests, test => Assert.True(test.CannotFail is null, $"{test.Id}: {test.CannotFail}"));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AgentTestGuard.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository's root (AgentTestGuard.sln) is not above " + AppContext.BaseDirectory);
    }
}
