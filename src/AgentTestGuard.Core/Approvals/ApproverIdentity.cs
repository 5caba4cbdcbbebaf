namespace AgentTestGuard.Approvals;

/// <summary>
/// Tells identities that look like agents or bots from humans. Only a human may approve; this is
/// the build's own check of every approval line, so an agent that writes one for its own test is
/// caught even before `dotnet agt verify` checks who committed it.
/// </summary>
public static class ApproverIdentity
{
    // Service accounts that commit on their own; agents are named by the policy.
    private static readonly string[] ServiceAccounts = ["github-actions", "dependabot", "renovate"];

    /// <summary>Why <paramref name="approver"/> is not taken for a human; null when it is.</summary>
    /// <param name="agents">The policy's agents and the test's own agent: their names, as whole words, mark an agent.</param>
    public static string? WhyNotHuman(string approver, IEnumerable<string> agents)
    {
        if (approver.Contains("[bot]", StringComparison.OrdinalIgnoreCase))
        {
            return "it is a bot account ([bot])";
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
