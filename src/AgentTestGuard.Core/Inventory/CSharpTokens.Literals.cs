namespace AgentTestGuard.Inventory;

/// <summary>
/// How <see cref="CSharpTokens"/> finds where a string or character literal ends: regular, verbatim,
/// raw and interpolated ones, with the code of their interpolation holes.
/// </summary>
internal sealed partial class CSharpTokens
{
    /// <summary>The end of a string or character literal starting at <paramref name="i"/>; null when none starts there.</summary>
    private int? LiteralEnd(int i)
    {
        var prefix = i;
        var dollars = 0;
        var verbatim = false;
        while (prefix < Text.Length && (Text[prefix] == '$' || Text[prefix] == '@'))
        {
            if (Text[prefix] == '$')
            {
                dollars++;
            }
            else
            {
                verbatim = true;
            }

            prefix++;
        }

        if (Peek(prefix) == '\'' && prefix == i)
        {
            return QuotedEnd(prefix, '\'');
        }

        if (Peek(prefix) != '"')
        {
            return null;
        }

        if (verbatim)
        {
            return VerbatimEnd(prefix + 1, dollars > 0);
        }

        var quotes = Run(prefix, '"');
        return quotes >= 3
            ? RawEnd(prefix, quotes, Math.Max(dollars, 1), dollars > 0)
            : RegularEnd(prefix + 1, dollars > 0);
    }

    private int QuotedEnd(int i, char quote)
    {
        var k = i + 1;
        while (k < Text.Length && Text[k] != quote && !IsLineBreak(Text[k]))
        {
            k += Text[k] == '\\' ? 2 : 1;
        }

        return Math.Min(k < Text.Length && Text[k] == quote ? k + 1 : k, Text.Length);
    }

    private int RegularEnd(int k, bool interpolated)
    {
        while (k < Text.Length && !IsLineBreak(Text[k]))
        {
            var c = Text[k];
            if (c == '\\')
            {
                k += 2;
            }
            else if (c == '"')
            {
                return k + 1;
            }
            else if (interpolated && c == '{')
            {
                k = Peek(k + 1) == '{' ? k + 2 : HoleEnd(k + 1, 1);
            }
            else
            {
                k++;
            }
        }

        return Math.Min(k, Text.Length);
    }

    private int VerbatimEnd(int k, bool interpolated)
    {
        while (k < Text.Length)
        {
            var c = Text[k];
            if (c == '"')
            {
                if (Peek(k + 1) != '"')
                {
                    return k + 1;
                }

                k += 2;
            }
            else if (interpolated && c == '{')
            {
                k = Peek(k + 1) == '{' ? k + 2 : HoleEnd(k + 1, 1);
            }
            else
            {
                k++;
            }
        }

        return k;
    }

    /// <summary>A raw literal ends at a run of as many quotes as it started with; holes open with as many braces as it has dollars.</summary>
    private int RawEnd(int start, int quotes, int braces, bool interpolated)
    {
        var k = start + quotes;
        while (k < Text.Length)
        {
            if (Text[k] == '"' && Run(k, '"') >= quotes)
            {
                return k + Run(k, '"');
            }

            if (interpolated && Text[k] == '{' && Run(k, '{') >= braces)
            {
                var run = Run(k, '{');
                k = HoleEnd(k + run, braces);
                continue;
            }

            k++;
        }

        return k;
    }

    /// <summary>Skips the code of an interpolation hole, literals and nested braces included, to after its closing braces.</summary>
    private int HoleEnd(int k, int closingBraces)
    {
        var depth = 0;
        while (k < Text.Length)
        {
            var c = Text[k];
            if (LiteralEnd(k) is { } literal)
            {
                k = literal;
            }
            else if (c == '{')
            {
                depth++;
                k++;
            }
            else if (c == '}' && depth > 0)
            {
                depth--;
                k++;
            }
            else if (c == '}')
            {
                return k + Math.Max(1, Math.Min(closingBraces, Run(k, '}')));
            }
            else
            {
                k++;
            }
        }

        return k;
    }

    private int Run(int k, char c)
    {
        var n = 0;
        while (Peek(k + n) == c)
        {
            n++;
        }

        return n;
    }
}
