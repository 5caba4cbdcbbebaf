namespace AgentTestGuard.Inventory;

/// <summary>
/// A C# source file cut into tokens, just finely enough for a fingerprint: comments and whitespace are
/// dropped, string and character literals (verbatim, raw and interpolated ones too, holes included) are
/// kept whole and verbatim, identifiers and numbers are runs of word characters, and operators are cut by
/// longest match (so <c>a++ + b</c> and <c>a + ++b</c> stay apart). Braces outside literals are paired,
/// which is how a method's body is found around the sequence points the PDB gives.
/// It is not a full C# lexer: it never has to decide what the tokens mean, only where they start and end,
/// and it recovers from what it cannot read (an unterminated literal ends at the end of its line).
/// </summary>
internal sealed partial class CSharpTokens
{
    // Longest first within each leading character, as the C# lexer matches them.
    private static readonly string[] Operators =
    [
        ">>>=", "<<=", ">>=", ">>>", "??=", "...",
        "++", "--", "&&", "||", "==", "!=", "<=", ">=", "=>", "->", "??", "<<", ">>", "::", "..",
        "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
    ];

    private readonly List<int> starts = [];
    private readonly List<int> ends = [];
    private readonly List<int> partners = []; // of a brace: the index of its pair; otherwise -1
    private readonly List<int> enclosing = []; // the index of the innermost '{' around the token, or -1

    private CSharpTokens(string text)
    {
        Text = text;
    }

    public string Text { get; }

    public int Count => starts.Count;

    public static CSharpTokens Lex(string text)
    {
        var tokens = new CSharpTokens(text);
        tokens.Run();
        return tokens;
    }

    public int Start(int token) => starts[token];

    public int End(int token) => ends[token];

    public ReadOnlySpan<char> Span(int token) => Text.AsSpan(starts[token], ends[token] - starts[token]);

    public bool Is(int token, string value) => token >= 0 && token < Count && Span(token).SequenceEqual(value);

    /// <summary>The index of the brace paired with this one, or -1 (not a brace, or unpaired).</summary>
    public int Partner(int token) => partners[token];

    /// <summary>The innermost opening brace around the token (for a brace, around its pair), or -1.</summary>
    public int Enclosing(int token) => enclosing[token];

    /// <summary>The first token that ends after <paramref name="offset"/>, or <see cref="Count"/>.</summary>
    public int AtOrAfter(int offset)
    {
        int low = 0, high = Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (ends[middle] <= offset)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private void Run()
    {
        var open = new Stack<int>();
        var i = 0;
        while (i < Text.Length)
        {
            var c = Text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '/' && Peek(i + 1) == '/')
            {
                i = LineEnd(i);
                continue;
            }

            if (c == '/' && Peek(i + 1) == '*')
            {
                var close = Text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? Text.Length : close + 2;
                continue;
            }

            var end = LiteralEnd(i) ?? WordEnd(i) ?? OperatorEnd(i);
            var index = Add(i, end, open.Count > 0 ? open.Peek() : -1);
            if (c == '{')
            {
                open.Push(index);
            }
            else if (c == '}' && open.Count > 0)
            {
                var pair = open.Pop();
                partners[pair] = index;
                partners[index] = pair;
                enclosing[index] = enclosing[pair];
            }

            i = end;
        }
    }

    private int Add(int start, int end, int around)
    {
        starts.Add(start);
        ends.Add(end);
        partners.Add(-1);
        enclosing.Add(around);
        return starts.Count - 1;
    }

    private int? WordEnd(int i)
    {
        var end = i;
        while (end < Text.Length && IsWord(Text[end]))
        {
            end++;
        }

        return end > i ? end : null;
    }

    private int OperatorEnd(int i)
    {
        foreach (var op in Operators)
        {
            if (string.CompareOrdinal(Text, i, op, 0, op.Length) == 0)
            {
                return i + op.Length;
            }
        }

        return i + (char.IsHighSurrogate(Text[i]) && i + 1 < Text.Length ? 2 : 1);
    }

    private int LineEnd(int i)
    {
        while (i < Text.Length && !IsLineBreak(Text[i]))
        {
            i++;
        }

        return i;
    }

    private char Peek(int i) => i < Text.Length ? Text[i] : '\0';

    private static bool IsWord(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '@' || char.IsSurrogate(c)
        || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark
            or System.Globalization.UnicodeCategory.ConnectorPunctuation
            or System.Globalization.UnicodeCategory.Format;

    internal static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';
}
