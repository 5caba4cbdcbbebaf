using AgentTestGuard.Core.Tests.TestSupport;
using AgentTestGuard.Inventory;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AgentTestGuard.Core.Tests.Inventory;

/// <summary>Where a test's code starts, from the portable PDB, in local paths.</summary>
public sealed class SourceLocationTests
{
    private const string Source = """
        using System;
        using System.Threading.Tasks;
        using AgentTestGuard;
        using Xunit;

        namespace Shop.Tests;

        [AgentGenerated("copilot")]
        public class Located
        {
            [Fact]
            public void Sync()
            {
                var total = 1 + Environment.ProcessorCount; // first statement of Sync
                if (total < 0) throw new InvalidOperationException();
            }

            [Fact]
            public async Task Async()
            {
                await Task.Yield(); // first statement of Async
                Console.WriteLine("done");
            }

            [Fact]
            public void Looping()
            {
                var count = Environment.ProcessorCount;
                while (count > 100) // first statement of Looping
                {
                    count--;
                }
            }
        }
        """;

    public static TheoryData<OptimizationLevel, PdbKind> Builds => new()
    {
        { OptimizationLevel.Debug, PdbKind.Embedded },
        { OptimizationLevel.Release, PdbKind.Embedded },
        { OptimizationLevel.Debug, PdbKind.SideBySide },
        { OptimizationLevel.Release, PdbKind.SideBySide },
    };

    [Theory]
    [MemberData(nameof(Builds))]
    public void The_line_is_where_the_test_code_starts(OptimizationLevel optimization, PdbKind pdb)
    {
        var options = new CompileOptions { Optimization = optimization, Pdb = pdb, SourcePath = "/home/dev/shop/tests/CartTests.cs" };

        var tests = TestCompiler.CompileAndScan(Source, options).Tests.ToDictionary(test => test.MethodName);

        // Debug builds have a sequence point on the opening brace; Release builds start at the first statement.
        foreach (var name in new[] { "Sync", "Async" })
        {
            var expected = optimization == OptimizationLevel.Debug
                ? SourceLines.LineOf(Source, "{", after: $"public {(name == "Sync" ? "void" : "async Task")} {name}()")
                : SourceLines.LineOf(Source, $"// first statement of {name}");
            Assert.Equal(new SourceLocation(options.SourcePath.Replace('/', Path.DirectorySeparatorChar), expected), tests[name].Source);
        }
    }

    [Fact]
    public void A_loop_compiled_out_of_source_order_still_starts_at_the_first_statement()
    {
        var tests = TestCompiler.CompileAndScan(Source, CompileOptions.Release).Tests.ToDictionary(test => test.MethodName);

        Assert.Equal(SourceLines.LineOf(Source, "var count = Environment.ProcessorCount;"), tests["Looping"].Source?.Line);
    }

    [Fact]
    public void The_source_path_map_turns_deterministic_paths_into_local_ones()
    {
        var local = Path.Combine(Path.GetTempPath(), "shop") + Path.DirectorySeparatorChar;
        var options = new CompileOptions { SourcePath = "/_/tests/Shop.Tests/CartTests.cs" };

        var result = TestCompiler.CompileAndScan(
            Source,
            options,
            assembly => new ScanRequest(assembly.Path)
            {
                SourcePathMap = [new("/_/", local), new("/_/tests/", Path.Combine(local, "unit") + Path.DirectorySeparatorChar)],
            });

        var source = result.Tests[0].Source;
        Assert.NotNull(source);
        Assert.Equal(Path.Combine(local, "unit", "Shop.Tests", "CartTests.cs"), source.File);
    }
}
