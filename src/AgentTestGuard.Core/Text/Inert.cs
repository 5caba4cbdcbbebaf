using System.Globalization;
using System.Text;

namespace AgentTestGuard;

/// <summary>
/// Makes text an agent wrote (attribute arguments, criterion ids, messages) safe to show in a
/// terminal or a build log: control characters, such as the escape that starts an ANSI
/// sequence, are written as visible escapes instead of being sent to the reviewer's terminal.
/// </summary>
internal static class Inert
{
    /// <summary>A test id as one argument of a shell command the reader can paste: quoted where a shell would read more into it.</summary>
    public static string ShellArgument(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '+')
            ? id
            : "'" + Quote(id).Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    public static string Quote(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (!NeedsEscaping(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (IsUnsafe(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEscaping(string text)
    {
        foreach (var c in text)
        {
            if (IsUnsafe(c))
            {
                return true;
            }
        }

        return false;
    }

    // Controls (C0, DEL, C1), and the bidirectional overrides that can make a name read
    // differently from what it is (CVE-2021-42574, "Trojan Source").
    private static bool IsUnsafe(char c) =>
        char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
