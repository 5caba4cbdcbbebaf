using System.Text.RegularExpressions;

namespace AgentTestGuard.Approvals;

/// <summary>
/// Tells identities that look like agents or bots from humans. Only a human may approve; this is
/// the build's own check of every approval line, so an agent that writes one for its own test is
/// caught even before `dotnet agt verify` checks who committed it.
/// </summary>
internal static class ApproverIdentity
{
    // Service accounts that commit on their own; agents are named by the policy.
    private static readonly string[] ServiceAccounts = ["github-actions", "dependabot", "renovate"];

    // GitHub apps that are coding agents commit as <id>+<app>@users.noreply.github.com; these
    // mark an agent even when the policy does not list it ("[bot]" apps are caught anyway).
    private static readonly string[] GitHubAgentApps = ["copilot"];

    // Addresses coding agents sign their commits with; never a person's.
    private static readonly string[] AgentAddresses = ["noreply@anthropic.com", "cursoragent@cursor.com"];

    /// <summary>Why <paramref name="approver"/> is not taken for a human; null when it is.</summary>
    /// <param name="agents">The policy's agents and the test's own agent: their names, as whole words, mark an agent.</param>
    /// <param name="denyPatterns">
    /// The policy's <c>approverDenyPatterns</c>: a match anywhere in the identity marks it, for the
    /// repository's own bots and service accounts that the built-in rules do not know.
    /// </param>
    public static string? WhyNotHuman(string approver, IEnumerable<string> agents, IEnumerable<Regex>? denyPatterns = null)
    {
        ArgumentNullException.ThrowIfNull(approver);
        if (!IsNameAndEmail(approver))
        {
            return "it is not \"Name <email>\": without an email address it can be told apart neither from an agent nor from a commit's author";
        }

        if (approver.Contains("[bot]", StringComparison.OrdinalIgnoreCase))
        {
            return "it is a bot account ([bot])";
        }

        if (WhyAgentAddress(Email(approver)) is { } address)
        {
            return address;
        }

        foreach (var pattern in denyPatterns ?? [])
        {
            if (DeniedBy(pattern, approver) is { } denied)
            {
                return denied;
            }
        }

        var words = Words(approver);
        if (words.Contains("bot"))
        {
            return "it names a bot";
        }

        foreach (var name in ServiceAccounts.Concat(agents))
        {
            if (ContainsSequence(words, Words(name)))
            {
                return $"it names '{name}', an agent or service account";
            }
        }

        return null;
    }

    // A pattern that takes too long on an identity cannot clear it: refused, and said so, rather
    // than reported as a match it may not be.
    private static string? DeniedBy(Regex pattern, string approver)
    {
        try
        {
            return pattern.IsMatch(approver) ? $"it matches the policy's approver deny pattern '{Inert.Quote(pattern.ToString())}'" : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return $"matching it against the policy's approver deny pattern '{Inert.Quote(pattern.ToString())}' timed out after {(int)pattern.MatchTimeout.TotalMilliseconds} ms, so it cannot be cleared (simplify the pattern)";
        }
    }

    /// <summary>
    /// Whether the identity has the form the files require, "Name &lt;email&gt;": a name, and an
    /// address with an @ in angle brackets at the end. An identity without an address cannot be
    /// told apart from an agent's, nor matched with a commit's author.
    /// </summary>
    public static bool IsNameAndEmail(string identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var value = identity.Trim();
        var open = value.LastIndexOf('<');
        return open > 0 && value.EndsWith('>') && value.IndexOf('@', open) > open + 1 && value.IndexOf('@', open) < value.Length - 2
            && value[..open].Trim().Length > 0;
    }

    private static string? WhyAgentAddress(string email)
    {
        if (AgentAddresses.Contains(email, StringComparer.OrdinalIgnoreCase))
        {
            return $"'{email}' is a coding agent's address";
        }

        const string NoReply = "@users.noreply.github.com";
        if (!email.EndsWith(NoReply, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // <id>+<login>@users.noreply.github.com, or <login>@… for older accounts.
        var login = email[..^NoReply.Length];
        login = login[(login.IndexOf('+', StringComparison.Ordinal) + 1)..];
        return GitHubAgentApps.Contains(login, StringComparer.OrdinalIgnoreCase)
            ? $"it is the GitHub address of the agent app '{login}'"
            : null;
    }

    /// <summary>The address between the last &lt; and the &gt; after it; the whole text without brackets.</summary>
    private static string Email(string identity)
    {
        var open = identity.LastIndexOf('<');
        var close = open < 0 ? -1 : identity.IndexOf('>', open);
        return (close > open ? identity[(open + 1)..close] : identity).Trim();
    }

    /// <summary>
    /// Lower-case runs of letters and digits: "198982749+Copilot@users.noreply.github.com" gives
    /// 198982749, copilot, users, noreply, github, com.
    /// </summary>
    private static List<string> Words(string text) =>
        [.. text.Split(c => !char.IsLetterOrDigit(c)).Where(w => w.Length > 0).Select(w => w.ToLowerInvariant())];

    // "claude-code" must appear as "claude" then "code": a person called Claude is not the agent.
    private static bool ContainsSequence(List<string> words, List<string> sequence)
    {
        if (sequence.Count == 0)
        {
            return false;
        }

        for (var start = 0; start + sequence.Count <= words.Count; start++)
        {
            if (words.Skip(start).Take(sequence.Count).SequenceEqual(sequence))
            {
                return true;
            }
        }

        return false;
    }
}

file static class StringSplitExtensions
{
    public static IEnumerable<string> Split(this string text, Func<char, bool> isSeparator)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || isSeparator(text[i]))
            {
                yield return text[start..i];
                start = i + 1;
            }
        }
    }
}
