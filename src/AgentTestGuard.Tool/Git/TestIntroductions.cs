using System.Text.RegularExpressions;

namespace AgentTestGuard.Tool.Git;

/// <summary>
/// When each test was added, from git: the oldest commit in HEAD's history whose diff adds a
/// declaration of the test's method in a C# file that declares (in that commit or before) a type of
/// the test's class name. One `git log` walks the history once, whatever the number of tests.
/// </summary>
/// <remarks>
/// Read from the text of the diffs, not compiled: the namespace is not checked, so of two classes of
/// the same name with a method of the same name in the same file, the older counts for both. A
/// renamed or moved file is an addition (renames are not followed), which never makes a test newer.
/// </remarks>
internal static partial class TestIntroductions
{
    /// <param name="testIds">Namespace, type and method, as in the inventory (nested types joined with '+').</param>
    /// <returns>
    /// The author time of the commit that added each test found; null when git history is not
    /// available here (not a repository, no commit yet, a shallow clone, or no git).
    /// </returns>
    public static IReadOnlyDictionary<string, DateTimeOffset>? Find(string folder, IEnumerable<string> testIds)
    {
        // A shallow clone's oldest commit would look as if it added every older test.
        if (GitRunner.Run(folder, "rev-parse", "--is-shallow-repository") is not { ExitCode: 0 } shallow
            || shallow.Output.Trim() == "true"
            || GitRunner.Run(folder, "rev-parse", "--verify", "-q", "HEAD") is not { ExitCode: 0 })
        {
            return null;
        }

        var wanted = testIds.Distinct(StringComparer.Ordinal)
            .Select(id => (Id: id, Parts: Split(id)))
            .Where(t => t.Parts is not null)
            .ToLookup(t => t.Parts!.Value.Method, t => (t.Id, t.Parts!.Value.Type), StringComparer.Ordinal);
        var found = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return found;
        }

        var log = GitRunner.Run(folder,
        [
            "-c", "core.quotePath=false", "log", "--reverse", "--no-renames", "--diff-filter=AM", "-U0", "--no-ext-diff", "--no-textconv",
            "--format=%x01%at", "HEAD", "--", ":(top,glob)**/*.cs",
        ]);
        if (log is not { ExitCode: 0 })
        {
            return null;
        }

        var typesByFile = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var at = DateTimeOffset.MinValue;
        HashSet<string>? types = null;
        var inHeader = false;
        foreach (var line in log.Output.Split('\n'))
        {
            if (line.StartsWith('\u0001'))
            {
                at = long.TryParse(line.AsSpan(1).Trim(), out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.MinValue;
            }
            else if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                inHeader = true;
                types = null;
            }
            else if (inHeader && line.StartsWith("+++ b/", StringComparison.Ordinal))
            {
                var path = line[6..].TrimEnd('\r');
                types = typesByFile.TryGetValue(path, out var known) ? known : typesByFile[path] = new HashSet<string>(StringComparer.Ordinal);
            }
            else if (line.StartsWith("@@", StringComparison.Ordinal))
            {
                inHeader = false;
            }
            else if (!inHeader && types is not null && line.StartsWith('+'))
            {
                Added(line[1..], types, at, wanted, found);
            }
        }

        return found;
    }

    private static void Added(string line, HashSet<string> types, DateTimeOffset at, ILookup<string, (string Id, string Type)> wanted, Dictionary<string, DateTimeOffset> found)
    {
        foreach (Match type in TypeDeclaration().Matches(line))
        {
            types.Add(type.Groups["name"].Value);
        }

        if (MethodDeclaration().Match(line) is { Success: true } method)
        {
            foreach (var (id, typeName) in wanted[method.Groups["name"].Value])
            {
                if (types.Contains(typeName))
                {
                    found.TryAdd(id, at);
                }
            }
        }
    }

    /// <summary>"Ns.Outer+Inner`1.Method" → ("Inner", "Method").</summary>
    private static (string Type, string Method)? Split(string id)
    {
        var dot = id.LastIndexOf('.');
        if (dot <= 0 || dot == id.Length - 1)
        {
            return null;
        }

        var type = id[..dot];
        type = type[(Math.Max(type.LastIndexOf('.'), type.LastIndexOf('+')) + 1)..];
        var arity = type.IndexOf('`', StringComparison.Ordinal);
        return (arity < 0 ? type : type[..arity], id[(dot + 1)..]);
    }

    [GeneratedRegex(@"\b(?:class|record|struct)\s+(?:class\s+|struct\s+)?(?<name>[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant)]
    private static partial Regex TypeDeclaration();

    // A return type (identifiers, generics, arrays, tuples' parts) and the method's name before its '(':
    // "public async Task Adds_item(", "void Adds_item<T>(", "[Fact] public void Adds_item()".
    [GeneratedRegex(@"(?:^|[\s\]])[A-Za-z_][\w.]*(?:<[^()]*>)?(?:\[\])*\??\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:<[^()]*>)?\s*\(", RegexOptions.CultureInvariant)]
    private static partial Regex MethodDeclaration();
}
