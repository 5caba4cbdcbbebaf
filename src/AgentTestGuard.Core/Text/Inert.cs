using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AgentTestGuard;

/// <summary>
/// Makes text an agent wrote (attribute arguments, criterion ids, messages) safe to show in a
/// terminal or a build log: control characters, such as the escape that starts an ANSI
/// sequence, are written as visible escapes instead of being sent to the reviewer's terminal; and
/// nothing in it can pass for an Azure Pipelines logging command, which the agent reads anywhere
/// in a line of the build log (<c>##vso[task.complete result=Succeeded]</c>).
/// </summary>
internal static class Inert
{
    /// <summary>A test id as one argument of a shell command the reader can paste: quoted where a shell would read more into it.</summary>
    public static string ShellArgument(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        // Inside single quotes, '##vs''o[' is the same shell word as ##vso[ but not a logging command.
        return id.All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '+')
            ? id
            : "'" + AzureCommandInShell.Replace(EscapeControls(id).Replace("'", "'\\''", StringComparison.Ordinal), "$1''$2") + "'";
    }

    public static string Quote(string? text)
    {
        var escaped = EscapeControls(text);
        return escaped.Contains("##", StringComparison.Ordinal) ? AzureCommand.Replace(escaped, "$1\\$2") : escaped;
    }

    // The agent matches the prefix without regard to case.
    private static readonly Regex AzureCommand = new(@"(##vso)(\[)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex AzureCommandInShell = new(@"(##vs)(o\[)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static string EscapeControls(string? text)
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
