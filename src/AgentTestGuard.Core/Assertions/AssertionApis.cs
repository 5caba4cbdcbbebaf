namespace AgentTestGuard.Assertions;

/// <summary>
/// Which calls count as assertions: the assertion APIs of the test frameworks and assertion libraries the
/// product knows (docs/diagnostics.md, AGT0020), by namespace, type and method name, plus the policy's
/// <c>assertions</c> patterns. Names, not assemblies: a library is recognized whichever version is referenced.
/// </summary>
internal sealed class AssertionApis
{
    public static readonly AssertionApis BuiltIn = new([]);

    // Types whose every method asserts, or records an exception to assert on (xunit's Record).
    private static readonly HashSet<string> AssertionTypes = new(StringComparer.Ordinal)
    {
        "Xunit.Assert",
        "Xunit.Record",
        "Microsoft.VisualStudio.TestTools.UnitTesting.Assert",
        "Microsoft.VisualStudio.TestTools.UnitTesting.StringAssert",
        "Microsoft.VisualStudio.TestTools.UnitTesting.CollectionAssert",
        "NUnit.Framework.Assert",
        "NUnit.Framework.StringAssert",
        "NUnit.Framework.CollectionAssert",
        "NUnit.Framework.FileAssert",
        "NUnit.Framework.DirectoryAssert",
        "NUnit.Framework.Legacy.ClassicAssert",
        "NUnit.Framework.Legacy.StringAssert",
        "NUnit.Framework.Legacy.CollectionAssert",
        "NUnit.Framework.Legacy.FileAssert",
        "NUnit.Framework.Legacy.DirectoryAssert",
        "TUnit.Assertions.Assert",
        "Shouldly.Should",
    };

    private static readonly HashSet<string> VerifyNamespaces = new(StringComparer.Ordinal)
    {
        "VerifyXunit", "VerifyMSTest", "VerifyNUnit", "VerifyTUnit", "VerifyTests",
    };

    private readonly IReadOnlyList<AssertionPattern> patterns;

    public AssertionApis(IReadOnlyList<AssertionPattern> patterns)
    {
        this.patterns = patterns;
    }

    public bool IsAssertion(CalledMethod method) => IsBuiltIn(method) || patterns.Any(pattern => pattern.Matches(method));

    /// <summary>Whether the policy's patterns add any assertion: without them, only the built-in names count.</summary>
    public bool HasPatterns => patterns.Count > 0;

    private static bool IsBuiltIn(CalledMethod method)
    {
        if (AssertionTypes.Contains(method.TypeName))
        {
            return true;
        }

        var ns = method.Namespace;
        return ns switch
        {
            // FluentAssertions and its fork: every assertion starts from a Should() extension method.
            _ when IsOrUnder(ns, "FluentAssertions") || IsOrUnder(ns, "AwesomeAssertions") => method.Name == "Should",
            // Shouldly's extension methods: ShouldBe, ShouldNotBeNull, ShouldThrow, ...
            "Shouldly" => method.Name.StartsWith("Should", StringComparison.Ordinal),
            // Verify's snapshot checks: Verifier.Verify, VerifyJson, VerifyFile, ... (and VerifyBase's, in MSTest).
            _ when VerifyNamespaces.Contains(ns) => method.Name.StartsWith("Verify", StringComparison.Ordinal)
                && (method.TypeName.EndsWith(".Verifier", StringComparison.Ordinal) || method.TypeName.EndsWith(".VerifyBase", StringComparison.Ordinal)),
            _ => false,
        };
    }

    private static bool IsOrUnder(string ns, string root) =>
        ns.StartsWith(root, StringComparison.Ordinal) && (ns.Length == root.Length || ns[root.Length] == '.');
}
