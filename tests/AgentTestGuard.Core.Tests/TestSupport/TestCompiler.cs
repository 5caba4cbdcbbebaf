using System.Text;
using AgentTestGuard.Inventory;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace AgentTestGuard.Core.Tests.TestSupport;

/// <summary>
/// Compiles C# in memory with Roslyn, deterministically, into a per-call temporary folder, so the scanner is
/// tested on exactly what the compiler emits for a test.
/// </summary>
internal static class TestCompiler
{
    private static readonly Lazy<List<MetadataReference>> BaseReferences = new(LoadBaseReferences);

    public static CompiledAssembly Compile(string source, CompileOptions? options = null)
    {
        options ??= CompileOptions.Default;
        var trees = new List<SyntaxTree> { Parse(source, options.SourcePath, options.LanguageVersion) };
        if (options.WithFrameworks)
        {
            trees.Add(Parse(StandInFrameworks.Source, "/_/tests/Shop.Tests/Frameworks.cs", options.LanguageVersion));
        }

        trees.AddRange(options.ExtraSources.Select(extra => Parse(extra.Text, extra.Path, options.LanguageVersion)));

        var compilation = CSharpCompilation.Create(
            options.AssemblyName,
            trees,
            [.. BaseReferences.Value, .. options.References.Select(path => MetadataReference.CreateFromFile(path))],
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: options.Optimization,
                nullableContextOptions: NullableContextOptions.Enable,
                deterministic: true));

        var directory = Path.Combine(Path.GetTempPath(), "agt-scan-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var dllPath = Path.Combine(directory, options.AssemblyName + ".dll");
        var pdbPath = Path.ChangeExtension(dllPath, ".pdb");
        EmitResult result;
        using (var dll = File.Create(dllPath))
        using (var pdb = options.Pdb == PdbKind.SideBySide ? File.Create(pdbPath) : null)
        {
            var format = options.Pdb == PdbKind.Embedded ? DebugInformationFormat.Embedded : DebugInformationFormat.PortablePdb;
            // The source goes into the PDB, as <EmbedAllSources> puts it: the paths it names are not on disk.
            var embedded = options.EmbedSources && options.Pdb != PdbKind.None ? trees.Select(tree => EmbeddedText.FromSource(tree.FilePath, tree.GetText())) : null;
            result = compilation.Emit(dll, pdb, options: new EmitOptions(debugInformationFormat: format, pdbFilePath: pdbPath), embeddedTexts: embedded);
        }

        if (!result.Success)
        {
            Directory.Delete(directory, recursive: true);
            var errors = result.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
            throw new InvalidOperationException("Test source does not compile:\n" + string.Join("\n", errors));
        }

        return new CompiledAssembly(directory, dllPath);
    }

    /// <summary>Compiles and scans; the assembly's folder is deleted before returning.</summary>
    public static ScanResult CompileAndScan(string source, CompileOptions? options = null, Func<CompiledAssembly, ScanRequest>? request = null)
    {
        using var assembly = Compile(source, options);
        return AssemblyScanner.Scan(request?.Invoke(assembly) ?? new ScanRequest(assembly.Path));
    }

    private static SyntaxTree Parse(string source, string path, LanguageVersion version) =>
        CSharpSyntaxTree.ParseText(SourceText.From(source, Encoding.UTF8), new CSharpParseOptions(version), path);

    /// <summary>
    /// The shared framework's assemblies (from the trusted platform list, which also holds the test
    /// project's own dependencies, real xunit among them) and the AgentTestGuard attributes.
    /// </summary>
    private static List<MetadataReference> LoadBaseReferences()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .Append(typeof(AgentGeneratedAttribute).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }
}
