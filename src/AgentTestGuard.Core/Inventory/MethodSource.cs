using System.Reflection.Metadata;

namespace AgentTestGuard.Inventory;

/// <summary>
/// The source a reviewer read for a test: its body, found from the PDB's sequence points of the test and the
/// code the compiler moved out of it (state machine, lambdas, local functions), widened to the braces around
/// them. Debug and Release builds emit different sequence points for the same method (Release drops the one on
/// the opening brace, and on a closing brace it cannot reach), so the sequence points only locate the body; the
/// braces, found in the text, delimit it. An expression body (<c>=&gt; ...</c>) is the expression.
/// </summary>
internal sealed class MethodSource(MetadataReader pdb, SourcePathMapper mapper)
{
    private readonly Dictionary<DocumentHandle, SourceFile?> files = [];

    /// <summary>
    /// Writes the tokens of the body as one <c>source</c> line. False when the PDB has no sequence point for
    /// the methods, or the document's text is neither embedded nor on disk as it was compiled.
    /// </summary>
    public bool TryWrite(CanonicalWriter text, IEnumerable<MethodDefinitionHandle> methods)
    {
        DocumentHandle document = default;
        (int Line, int Column) start = (int.MaxValue, int.MaxValue), end = (0, 0);
        foreach (var method in methods)
        {
            foreach (var point in pdb.GetMethodDebugInformation(method.ToDebugInformationHandle()).GetSequencePoints())
            {
                if (point.IsHidden || (!document.IsNil && point.Document != document))
                {
                    continue;
                }

                document = point.Document;
                start = Min(start, (point.StartLine, point.StartColumn));
                end = Max(end, (point.EndLine, point.EndColumn));
            }
        }

        if (document.IsNil || File(document) is not { } file)
        {
            return false;
        }

        var (first, last) = Body(file.Tokens, file.Offset(start.Line, start.Column), file.Offset(end.Line, end.Column));
        if (first < 0)
        {
            return false;
        }

        text.BeginLine("source");
        for (var token = first; token <= last; token++)
        {
            text.Part(file.Tokens.Span(token));
        }

        text.EndLine();
        return true;
    }

    /// <summary>The first and last token of the body around the offsets; (-1, -1) when there is none.</summary>
    private static (int First, int Last) Body(CSharpTokens tokens, int start, int end)
    {
        var first = tokens.AtOrAfter(start);
        if (first >= tokens.Count)
        {
            return (-1, -1);
        }

        if (tokens.Is(first - 1, "=>"))
        {
            var last = tokens.AtOrAfter(end);
            return (first, last < tokens.Count && tokens.Start(last) < end ? last : last - 1);
        }

        var body = tokens.Is(first, "{") ? first : tokens.Is(first, "}") ? tokens.Partner(first) : tokens.Enclosing(first);
        while (body >= 0 && (tokens.Partner(body) < 0 || tokens.End(tokens.Partner(body)) < end))
        {
            body = tokens.Enclosing(body);
        }

        // A block that is a statement of its own ({ ... } after '{', ';' or '}') is not a method body: the sequence
        // points of a Release build can all fall inside one, while a Debug build's start on the method's brace.
        while (body >= 0 && tokens.Enclosing(body) >= 0
            && (tokens.Is(body - 1, "{") || tokens.Is(body - 1, ";") || tokens.Is(body - 1, "}")))
        {
            body = tokens.Enclosing(body);
        }

        return body < 0 || tokens.Partner(body) < 0 ? (-1, -1) : (body, tokens.Partner(body));
    }

    private SourceFile? File(DocumentHandle document)
    {
        if (!files.TryGetValue(document, out var file))
        {
            file = SourceFile.Open(pdb, document, mapper);
            files[document] = file;
        }

        return file;
    }

    private static (int, int) Min((int, int) left, (int, int) right) => left.CompareTo(right) <= 0 ? left : right;

    private static (int, int) Max((int, int) left, (int, int) right) => left.CompareTo(right) >= 0 ? left : right;
}
