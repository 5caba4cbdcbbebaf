using AgentTestGuard.Assertions;
using AgentTestGuard.Inventory;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AgentTestGuard.Core.Tests.TestSupport;

/// <summary>
/// Compiles agent tests against the real assertion libraries (copied beside the tests by the project file,
/// into AssertionLibraries/) and scans them: what AGT0020 says about each test, by method name.
/// </summary>
internal static class AssertionCompilation
{
    public static string LibrariesDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "AssertionLibraries");

    /// <summary>Real xunit v3 (the assertions and the attributes this project runs on) and every copied library.</summary>
    public static IReadOnlyList<string> References { get; } =
    [
        typeof(Xunit.Assert).Assembly.Location,
        typeof(Xunit.FactAttribute).Assembly.Location,
        .. Directory.GetFiles(LibrariesDirectory, "*.dll").Order(StringComparer.Ordinal),
    ];

    public static CompileOptions Options(OptimizationLevel optimization = OptimizationLevel.Debug) =>
        new() { WithFrameworks = false, References = References, Optimization = optimization, ExtraSources = [("/_/Usings.cs", Usings)] };

    /// <summary>The finding for each agent test of <paramref name="source"/>, by method name (null: it can fail).</summary>
    public static Dictionary<string, CannotFail?> Findings(string source, OptimizationLevel optimization = OptimizationLevel.Debug)
    {
        var scan = TestCompiler.CompileAndScan(source, Options(optimization));
        Assert.Empty(scan.Diagnostics);
        return scan.Tests.ToDictionary(test => test.MethodName, test => test.CannotFail);
    }

    /// <summary>Scans with the policy's patterns applied, as the build does.</summary>
    public static (IReadOnlyList<AgentTest> Tests, IReadOnlyList<Diagnostics.Diagnostic> Warnings) Apply(string source, params string[] patterns)
    {
        using var assembly = TestCompiler.Compile(source, Options());
        var scan = AssemblyScanner.Scan(new ScanRequest(assembly.Path));
        var parsed = patterns.Select(text => AssertionPattern.TryParse(text, out _)!).ToList();
        var tests = CannotFailFindings.Apply(scan, parsed, assembly.Path, out var warnings);
        return (tests, warnings);
    }

    private const string Usings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Linq;
        global using System.Threading.Tasks;
        global using AgentTestGuard;
        """;
}
