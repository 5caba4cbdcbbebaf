using AgentTestGuard.Core.Tests.TestSupport;
using AgentTestGuard.Diagnostics;
using AgentTestGuard.Inventory;
using Xunit;

namespace AgentTestGuard.Core.Tests.Inventory;

/// <summary>Files the scanner cannot fully read give a diagnostic, never an exception.</summary>
public sealed class ScanDiagnosticsTests
{
    private const string Source = """
        using AgentTestGuard;

        namespace Shop.Tests;

        public class Tagged
        {
            [Xunit.Fact, AgentGenerated("copilot")] public void Test() { }
        }
        """;

    [Theory]
    [InlineData("not an assembly at all")]
    [InlineData("MZ")]
    [InlineData("")]
    public void A_file_that_is_not_an_assembly_is_reported_as_unreadable(string content)
    {
        var directory = Directory.CreateTempSubdirectory("agt-scan-");
        try
        {
            var path = Path.Combine(directory.FullName, "Broken.dll");
            File.WriteAllText(path, content);

            var result = AssemblyScanner.Scan(new ScanRequest(path));

            Assert.Empty(result.Tests);
            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal(Descriptors.UnreadableAssembly, diagnostic.Descriptor);
            Assert.Equal(path, diagnostic.File);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_missing_file_is_reported_as_unreadable()
    {
        var path = Path.Combine(Path.GetTempPath(), "agt-missing-" + Guid.NewGuid().ToString("N"), "Missing.dll");

        var result = AssemblyScanner.Scan(new ScanRequest(path));

        Assert.Equal(Descriptors.UnreadableAssembly, Assert.Single(result.Diagnostics).Descriptor);
    }

    [Fact]
    public void A_native_or_resource_only_image_is_reported_as_unreadable()
    {
        // A copy of a real PE file with its CLI header cut off reads as a PE without metadata.
        using var assembly = TestCompiler.Compile(Source);
        var bytes = File.ReadAllBytes(assembly.Path);
        var truncated = Path.Combine(assembly.Directory, "Truncated.dll");
        File.WriteAllBytes(truncated, bytes[..512]);

        var result = AssemblyScanner.Scan(new ScanRequest(truncated));

        Assert.Equal(Descriptors.UnreadableAssembly, Assert.Single(result.Diagnostics).Descriptor);
    }

    [Fact]
    public void Without_a_pdb_agent_tests_are_found_without_source_and_one_warning_is_reported()
    {
        using var assembly = TestCompiler.Compile(Source, new CompileOptions { Pdb = PdbKind.None });

        var result = AssemblyScanner.Scan(new ScanRequest(assembly.Path));

        var test = Assert.Single(result.Tests);
        Assert.Null(test.Source);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(Descriptors.NoSymbols, diagnostic.Descriptor);
        Assert.Equal(assembly.Path, diagnostic.File);
    }

    [Fact]
    public void A_deleted_side_by_side_pdb_gives_the_warning_too()
    {
        using var assembly = TestCompiler.Compile(Source, new CompileOptions { Pdb = PdbKind.SideBySide });
        File.Delete(Path.ChangeExtension(assembly.Path, ".pdb"));

        var result = AssemblyScanner.Scan(new ScanRequest(assembly.Path));

        Assert.Equal(Descriptors.NoSymbols, Assert.Single(result.Diagnostics).Descriptor);
    }

    [Fact]
    public void Without_a_pdb_and_without_agent_tests_nothing_is_reported()
    {
        using var assembly = TestCompiler.Compile("public class Human { [Xunit.Fact] public void Test() { } }", new CompileOptions { Pdb = PdbKind.None });

        var result = AssemblyScanner.Scan(new ScanRequest(assembly.Path));

        Assert.Empty(result.Tests);
        Assert.Empty(result.Diagnostics);
        Assert.Equal("Shop.Tests", result.AssemblyName);
    }

    [Fact]
    public void Without_the_source_the_fingerprint_cannot_match_one_made_from_it()
    {
        // The compiled code stands in for the source: the test reads as changed, never as approved.
        var withPdb = TestCompiler.CompileAndScan(Source);
        var withoutPdb = TestCompiler.CompileAndScan(Source, new CompileOptions { Pdb = PdbKind.None });
        var withoutSource = TestCompiler.CompileAndScan(Source, new CompileOptions { EmbedSources = false });

        Assert.NotEqual(Assert.Single(withPdb.Tests).Fingerprint, Assert.Single(withoutPdb.Tests).Fingerprint);
        Assert.Equal(Assert.Single(withoutPdb.Tests).Fingerprint, Assert.Single(withoutSource.Tests).Fingerprint);
    }
}
