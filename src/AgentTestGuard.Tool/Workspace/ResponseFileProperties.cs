using System.Text;

namespace AgentTestGuard.Tool.Workspace;

/// <summary>
/// The properties MSBuild's command line would take from a project's Directory.Build.rsp: MSBuild
/// reads the nearest one above the project (or solution) it builds as if its switches were typed,
/// so `-p:AgentTestGuardEnforce=false` there switches the gate off without touching a project file,
/// and an evaluation of the project alone never sees it. Files it names with `@file` are read too.
/// </summary>
/// <remarks>
/// Only property switches (`-p:`, `/p:`, `--property:`...) are read; a value's `%XX` escapes are
/// decoded as MSBuild decodes them. A Directory.Build.rsp is not read when the build is given
/// `-noAutoResponse`, nor is one above a solution folder that is not also above the project.
/// </remarks>
internal static class ResponseFileProperties
{
    public const string AutoResponseFile = "Directory.Build.rsp";

    /// <param name="Where">"path(line)" of the switch, the path as given.</param>
    public sealed record Setting(string Name, string Value, string Where);

    /// <summary>The nearest Directory.Build.rsp in the folder or above; null when there is none.</summary>
    public static string? Find(string projectFolder)
    {
        for (var directory = new DirectoryInfo(projectFolder); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, AutoResponseFile);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The property settings of a response file and those it includes, in the order MSBuild applies them (a later one wins).</summary>
    public static IReadOnlyList<Setting> Read(string responseFile)
    {
        var settings = new List<Setting>();
        Read(Path.GetFullPath(responseFile), settings, new HashSet<string>(StringComparer.Ordinal));
        return settings;
    }

    private static void Read(string file, List<Setting> settings, HashSet<string> seen)
    {
        if (!seen.Add(file) || !File.Exists(file))
        {
            return;
        }

        var lines = File.ReadAllLines(file);
        for (var index = 0; index < lines.Length; index++)
        {
            if (lines[index].TrimStart().StartsWith('#'))
            {
                continue; // MSBuild's comment
            }

            foreach (var token in Tokens(lines[index]))
            {
                if (token.StartsWith('@') && token.Length > 1)
                {
                    Read(Path.GetFullPath(token[1..], Path.GetDirectoryName(file)!), settings, seen);
                }
                else if (PropertyList(token) is { } list)
                {
                    foreach (var pair in list.Split([';', ','], StringSplitOptions.RemoveEmptyEntries))
                    {
                        var equals = pair.IndexOf('=', StringComparison.Ordinal);
                        if (equals > 0)
                        {
                            settings.Add(new Setting(pair[..equals].Trim(), Unescape(pair[(equals + 1)..].Trim()), $"{file}({index + 1})"));
                        }
                    }
                }
            }
        }
    }

    /// <summary>"Name=Value;..." of a property switch; null for any other token.</summary>
    private static string? PropertyList(string token)
    {
        var name = token.StartsWith("--", StringComparison.Ordinal) ? token[2..]
            : token.StartsWith('-') || token.StartsWith('/') ? token[1..]
            : null;
        var colon = name?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon < 0)
        {
            return null;
        }

        var switchName = name![..colon];
        return switchName.Equals("p", StringComparison.OrdinalIgnoreCase) || switchName.Equals("property", StringComparison.OrdinalIgnoreCase)
            ? name[(colon + 1)..]
            : null;
    }

    /// <summary>The line split at white space outside double quotes, the quotes removed.</summary>
    private static IEnumerable<string> Tokens(string line)
    {
        var token = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (token.Length > 0)
                {
                    yield return token.ToString();
                    token.Clear();
                }
            }
            else
            {
                token.Append(c);
            }
        }

        if (token.Length > 0)
        {
            yield return token.ToString();
        }
    }

    private static string Unescape(string value)
    {
        var text = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length && Uri.IsHexDigit(value[i + 1]) && Uri.IsHexDigit(value[i + 2]))
            {
                text.Append((char)Convert.ToInt32(value.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                text.Append(value[i]);
            }
        }

        return text.ToString();
    }
}
