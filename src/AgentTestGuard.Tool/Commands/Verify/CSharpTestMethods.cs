using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentTestGuard.Tool.Commands.Verify;

/// <summary>
/// The test methods of one C# source, read from its syntax: which lines each spans (its
/// attributes included, so a tag removed from a line of its own counts), and whether it or a
/// type around it carries an agent tag. Syntax, not a build: verify reads the versions of a file
/// that an agent's commits wrote, which were never built.
/// </summary>
/// <remarks>
/// A test attribute is known by its name, as written: xunit's Fact and Theory (and any *Fact or
/// *Theory, xunit's convention for its derived attributes), MSTest's TestMethod and
/// DataTestMethod, NUnit's Test, TestCase and TestCaseSource, TUnit's Test. An attribute renamed
/// by a using alias is not recognised; a diff names no types, so nothing better is known here.
/// </remarks>
internal static class CSharpTestMethods
{
    /// <param name="Id">Namespace, types (nested ones joined by '+') and method, as inventories name tests.</param>
    /// <param name="FirstLine">1-based, the first attribute's line.</param>
    /// <param name="NameLine">1-based, the line of the method's name.</param>
    /// <param name="HeaderLines">The lines of the attributes and headers of the types around it: a tag removed there untags it too.</param>
    public sealed record TestMethod(string Id, bool Tagged, int FirstLine, int LastLine, int NameLine, IReadOnlyList<(int First, int Last)> HeaderLines);

    private static readonly HashSet<string> TestAttributes = new(StringComparer.Ordinal)
    {
        "Fact", "Theory", "TestMethod", "DataTestMethod", "Test", "TestCase", "TestCaseSource",
    };

    private static readonly HashSet<string> AgentTags = new(StringComparer.Ordinal) { "AgentGenerated", "AgentFact", "AgentTheory" };

    public static IReadOnlyList<TestMethod> Find(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        var tests = new List<TestMethod>();
        foreach (var method in root.DescendantNodes().OfType<MethodDeclarationSyntax>())
        {
            var names = Names(method.AttributeLists).ToList();
            if (!names.Any(IsTestAttribute))
            {
                continue;
            }

            var types = method.Ancestors().OfType<TypeDeclarationSyntax>().ToList();
            var tagged = names.Any(AgentTags.Contains) || types.Any(t => Names(t.AttributeLists).Any(AgentTags.Contains));
            var namespaces = method.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().Select(n => n.Name.ToString());
            var typeNames = string.Join('+', types.AsEnumerable().Reverse().Select(t => t.Identifier.Text));
            var id = string.Join('.', namespaces.Append(typeNames).Append(method.Identifier.Text).Where(p => p.Length > 0));
            var headers = types.Select(t => (Line(t.SpanStart), Line(t.OpenBraceToken.SpanStart))).ToList();
            tests.Add(new TestMethod(id, tagged, Line(method.SpanStart), Line(method.Span.End), Line(method.Identifier.SpanStart), headers));

            int Line(int position) => method.SyntaxTree.GetLineSpan(new Microsoft.CodeAnalysis.Text.TextSpan(position, 0)).StartLinePosition.Line + 1;
        }

        return tests;
    }

    /// <summary>Whether any of the lines falls on the test or on a header of a type around it.</summary>
    public static bool Touches(TestMethod test, IEnumerable<int> lines) =>
        lines.Any(line => (line >= test.FirstLine && line <= test.LastLine) || test.HeaderLines.Any(h => line >= h.First && line <= h.Last));

    private static bool IsTestAttribute(string name) =>
        TestAttributes.Contains(name) || name.EndsWith("Fact", StringComparison.Ordinal) || name.EndsWith("Theory", StringComparison.Ordinal);

    /// <summary>Attribute names as written, without a namespace, generic arguments or the Attribute suffix.</summary>
    private static IEnumerable<string> Names(SyntaxList<AttributeListSyntax> lists) =>
        lists.SelectMany(list => list.Attributes).Select(attribute =>
        {
            var name = attribute.Name switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.Text,
                AliasQualifiedNameSyntax alias => alias.Name.Identifier.Text,
                SimpleNameSyntax simple => simple.Identifier.Text,
                _ => attribute.Name.ToString(),
            };
            return name.EndsWith("Attribute", StringComparison.Ordinal) && name.Length > "Attribute".Length ? name[..^"Attribute".Length] : name;
        });
}
