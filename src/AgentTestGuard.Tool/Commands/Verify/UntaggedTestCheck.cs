using System.Text;
using AgentTestGuard.Approvals;
using AgentTestGuard.Configuration;
using AgentTestGuard.Tool.Git;

namespace AgentTestGuard.Tool.Commands.Verify;

/// <summary>
/// `verify --base`: a test method that a commit by an agent or a bot (its author, committer or a
/// Co-authored-by trailer) added or changed must carry an agent tag at HEAD. Otherwise an agent
/// turns [AgentFact] into [Fact], or writes a new untagged test, and it gates unreviewed.
/// </summary>
/// <remarks>
/// Read from the diffs of those commits mapped onto the C# syntax of the versions they wrote
/// (<see cref="CSharpTestMethods"/>), not from a build's inventory: an inventory lists tagged tests
/// only, and only for the code as it is now, while the question is which methods an agent's
/// commit touched, including a tag it deleted on a line of its own. A method is then looked up
/// by its id at HEAD, where its file and line are reported.
/// </remarks>
internal static class UntaggedTestCheck
{
    public sealed record Offence(string Where, string Why);

    /// <returns>The untagged tests, or null with git's complaint.</returns>
    public static (IReadOnlyList<Offence>? Offences, string? Problem) Check(BaseRevision trustedBase, Policy? policy)
    {
        var (commits, problem) = CommitPeople.Since(trustedBase);
        if (commits is null)
        {
            return (null, problem);
        }

        // Per file, the tests agents touched, with the first reason found (git lists the newest commit first).
        var touched = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var commit in commits)
        {
            if (WhyAgent(commit, policy) is not { } why)
            {
                continue;
            }

            var (files, filesProblem) = ChangeHistory.TouchedCSharpLines(trustedBase, commit.Commit);
            if (files is null)
            {
                return (null, filesProblem);
            }

            var paths = files.Keys.ToList();
            var readProblem = GitObjectReader.Read(trustedBase.TopLevel, [.. paths.Select(p => $"{commit.Commit}:{p}")], (i, content) =>
            {
                foreach (var test in content is null ? [] : CSharpTestMethods.Find(Encoding.UTF8.GetString(content)))
                {
                    if (CSharpTestMethods.Touches(test, files[paths[i]]))
                    {
                        var ofFile = touched.TryGetValue(paths[i], out var known) ? known : touched[paths[i]] = new(StringComparer.Ordinal);
                        ofFile.TryAdd(test.Id, $"changed in commit {commit.Commit[..12]} by {why}");
                    }
                }
            });
            if (readProblem is not null)
            {
                return (null, readProblem);
            }
        }

        var offences = new List<Offence>();
        var headPaths = touched.Keys.Order(StringComparer.Ordinal).ToList();
        var headProblem = GitObjectReader.Read(trustedBase.TopLevel, [.. headPaths.Select(p => $"HEAD:{p}")], (i, content) =>
        {
            var tests = content is null ? [] : CSharpTestMethods.Find(Encoding.UTF8.GetString(content));
            foreach (var test in tests.Where(t => !t.Tagged && touched[headPaths[i]].ContainsKey(t.Id)))
            {
                offences.Add(new Offence(
                    $"{headPaths[i]}({test.NameLine})",
                    $"{test.Id}: a test without an agent tag, {touched[headPaths[i]][test.Id]}; tag it ([AgentGenerated(\"<agent>\")] or [AgentFact]) so that it is quarantined until a human approves it"));
            }
        });

        return headProblem is null ? (offences, null) : (null, headProblem);
    }

    /// <summary>"its author 'Name &lt;email&gt;' (why)" for the first identity of the commit that is an agent's or a bot's; null when all are human.</summary>
    private static string? WhyAgent(CommitPeople.People commit, Policy? policy)
    {
        foreach (var (role, identity) in commit.All)
        {
            if (ApproverIdentity.WhyNotHuman(identity, policy?.Agents ?? [], policy?.ApproverDenyPatterns) is { } why)
            {
                return $"its {role} '{Cli.Output.Inert(identity)}' ({why})";
            }
        }

        return null;
    }
}
