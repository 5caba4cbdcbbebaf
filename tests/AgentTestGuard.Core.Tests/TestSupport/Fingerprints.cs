using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using AgentTestGuard.Inventory;
using Xunit;

namespace AgentTestGuard.Core.Tests.TestSupport;

/// <summary>Compiles a source and reads one agent test's fingerprint, with the canonical text behind it to explain a mismatch.</summary>
public static class Fingerprints
{
    public sealed record Fingerprinted(string Fingerprint, string Text);

    public static Fingerprinted Of(string source, string testId, CompileOptions? options = null)
    {
        using var assembly = TestCompiler.Compile(source, options);
        var result = AssemblyScanner.Scan(new ScanRequest(assembly.Path));
        Assert.Empty(result.Diagnostics);
        var test = Assert.Single(result.Tests, test => test.Id == testId);
        return new Fingerprinted(test.Fingerprint, CanonicalText(assembly.Path, test));
    }

    public static void AssertSame(Fingerprinted expected, Fingerprinted actual) =>
        Assert.True(expected.Fingerprint == actual.Fingerprint, "Fingerprints differ:\n" + Difference(expected.Text, actual.Text));

    public static void AssertDifferent(Fingerprinted expected, Fingerprinted actual) =>
        Assert.NotEqual(expected.Fingerprint, actual.Fingerprint);

    /// <summary>The first differing lines of two canonical texts.</summary>
    private static string Difference(string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        var index = 0;
        while (index < left.Length && index < right.Length && left[index] == right[index])
        {
            index++;
        }

        string Around(string[] lines) => string.Join("\n", lines.Skip(Math.Max(0, index - 2)).Take(6));
        return $"at line {index + 1}\n--- expected\n{Around(left)}\n--- actual\n{Around(right)}";
    }

    private static string CanonicalText(string assemblyPath, AgentTest test)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var reader = pe.GetMetadataReader();
        foreach (var typeHandle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(typeHandle);
            if (MetadataNames.TypeDefinition(reader, typeHandle) != test.TypeName)
            {
                continue;
            }

            foreach (var methodHandle in type.GetMethods())
            {
                if (reader.GetString(reader.GetMethodDefinition(methodHandle).Name) == test.MethodName)
                {
                    // Class-level attributes are left out: the text only explains the method's part of the hash.
                    using var resolver = new ReferenceAssemblyResolver([]);
                    using var pdb = PdbSourceLocator.TryOpen(pe, assemblyPath, new SourcePathMapper([]));
                    using var fingerprinter = new TestFingerprinter(reader, pe, resolver, pdb?.Source);
                    return fingerprinter.Describe(methodHandle, []);
                }
            }
        }

        return string.Empty;
    }
}
