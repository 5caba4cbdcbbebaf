using System.Text.RegularExpressions;

namespace AgentTestGuard.Configuration;

/// <summary>
/// Tracker ids accepted without a catalog entry: an id matching <see cref="Pattern"/> as a
/// whole is known, and reports link it through <see cref="LinkTemplate"/> (with "{id}").
/// </summary>
internal sealed class CriterionPattern
{
    // A pattern is written by the repository's owner, but ids come from agent-written code:
    // bound the matching time so no id can stall the build.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly Regex _regex;

    public CriterionPattern(string pattern, string? linkTemplate)
    {
        Pattern = pattern;
        LinkTemplate = linkTemplate;
        _regex = new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant, MatchTimeout);
    }

    public string Pattern { get; }

    public string? LinkTemplate { get; }

    /// <summary>How long matching one id may take: an id that takes longer is neither known nor unknown.</summary>
    public static TimeSpan Timeout => MatchTimeout;

    /// <summary>Whether the id matches as a whole; <see cref="PatternMatch.TimedOut"/> when matching took too long to tell.</summary>
    public PatternMatch Match(string id)
    {
        try
        {
            return _regex.IsMatch(id) ? PatternMatch.Matches : PatternMatch.DoesNotMatch;
        }
        catch (RegexMatchTimeoutException)
        {
            return PatternMatch.TimedOut;
        }
    }

    public string? LinkFor(string id) => LinkTemplate?.Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal);
}

/// <summary>What matching a pattern found; a pattern that timed out says nothing either way.</summary>
internal enum PatternMatch
{
    DoesNotMatch,
    Matches,
    TimedOut,
}
