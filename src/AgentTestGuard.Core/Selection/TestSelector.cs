namespace AgentTestGuard.Selection;

/// <summary>
/// Selects test ids by the patterns a user types: an exact id (<c>Shop.Tests.CartTests.Totals</c>),
/// everything under a namespace or class (<c>Shop.Tests.CartTests.*</c>, at any depth), or a glob
/// where <c>*</c> matches any run of characters, dots included, and <c>?</c> one character.
/// Case-sensitive, like the ids. Patterns are matched by a small wildcard matcher, not turned into
/// regular expressions, so no character in a pattern has another meaning and no pattern can take
/// exponential time.
/// </summary>
internal static class TestSelector
{
    public static SelectionResult Select(IEnumerable<string> ids, IReadOnlyList<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(patterns);
        var candidates = ids.Distinct(StringComparer.Ordinal).ToList();
        var selected = new SortedSet<string>(StringComparer.Ordinal);
        var unmatched = new List<string>();
        foreach (var pattern in patterns.Distinct(StringComparer.Ordinal))
        {
            var matches = candidates.Where(id => Matches(id, pattern)).ToList();
            if (matches.Count == 0)
            {
                unmatched.Add(pattern);
            }

            selected.UnionWith(matches);
        }

        return new SelectionResult([.. selected], unmatched);
    }

    /// <summary>
    /// Whether <paramref name="id"/> matches <paramref name="pattern"/> as a whole. A pattern ending
    /// in <c>.*</c> needs no rule of its own: its <c>*</c> matches any depth below the prefix, and
    /// the dot keeps <c>CartTests.*</c> from matching <c>CartTestsOld.X</c> or <c>CartTests</c> itself.
    /// </summary>
    public static bool Matches(string id, string pattern)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(pattern);

        // Greedy matching with one backtrack point, the last '*': linear in practice, never exponential.
        int i = 0, p = 0, star = -1, resume = 0;
        while (i < id.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || (pattern[p] != '*' && pattern[p] == id[i])))
            {
                i++;
                p++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = i;
            }
            else if (star >= 0)
            {
                p = star + 1;
                i = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
