using Xunit;

namespace AgentTestGuard.Core.Tests.TestSupport;

/// <summary>Expected lines computed from the source text, so tests never hard-code a line number.</summary>
public static class SourceLines
{
    /// <summary>The 1-based line of the first line containing <paramref name="marker"/>, after <paramref name="after"/> if given.</summary>
    public static int LineOf(string source, string marker, string? after = null)
    {
        var lines = source.Split('\n');
        var start = after is null ? 0 : Array.FindIndex(lines, line => line.Contains(after, StringComparison.Ordinal));
        Assert.True(start >= 0, $"Marker '{after}' is not in the source.");
        var index = Array.FindIndex(lines, start, line => line.Contains(marker, StringComparison.Ordinal));
        Assert.True(index >= 0, $"Marker '{marker}' is not in the source.");
        return index + 1;
    }

    /// <summary>Replaces text that must be there: an edit that silently does nothing would make a "same fingerprint" test pass for nothing.</summary>
    public static string Edit(this string source, string old, string replacement)
    {
        Assert.Contains(old, source, StringComparison.Ordinal);
        return source.Replace(old, replacement, StringComparison.Ordinal);
    }
}
