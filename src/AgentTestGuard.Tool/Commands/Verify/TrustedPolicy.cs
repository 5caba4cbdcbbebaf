using AgentTestGuard.Configuration;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Git;
using AgentTestGuard.Tool.Workspace;

namespace AgentTestGuard.Tool.Commands.Verify;

/// <summary>
/// The policy `verify` judges a project by. With --base it is the base's: the nearest
/// agenttestguard.policy.json above the project's folder in the base commit, found as the build
/// finds it, so nothing the change does to the policy, or to where the build looks for it,
/// relaxes the rules the change is checked by. Without a base, the working tree's.
/// </summary>
internal static class TrustedPolicy
{
    /// <returns>false after printing the policy's errors.</returns>
    public static bool TryLoad(BaseRevision? trustedBase, TestProject project, Output output, out Policy? policy)
    {
        if (trustedBase is null)
        {
            return ProjectPolicy.TryLoad(project.PolicyFile, output, out policy);
        }

        policy = null;
        if (RepositoryPath.Of(Path.GetDirectoryName(project.ProjectFile)!) is not { } folder)
        {
            output.Error($"cannot place {Output.Inert(project.ProjectFile)} in the repository");
            return false;
        }

        var candidates = Candidates(folder).ToList();
        byte[]? found = null;
        string? foundPath = null;
        var problem = GitObjectReader.Read(trustedBase.TopLevel, [.. candidates.Select(c => $"{trustedBase.Commit}:{c}")], (i, content) =>
        {
            if (found is null && content is not null)
            {
                (found, foundPath) = (content, candidates[i]);
            }
        });
        if (problem is not null)
        {
            output.Error($"cannot read the base's policy: {Output.Inert(problem)}");
            return false;
        }

        if (found is null)
        {
            return true; // the base has no policy: its rules are the defaults
        }

        // The policy reader reads files; a temp copy is read, and its findings name the base's file.
        var copy = Path.Combine(Directory.CreateTempSubdirectory("agt-verify-").FullName, ConfigurationFileNames.Policy);
        try
        {
            File.WriteAllBytes(copy, found);
            policy = Policy.Load(copy, out var diagnostics);
            var shown = $"{trustedBase.Name}:{foundPath}";
            output.Diagnostics(diagnostics.Where(d => d.Severity == Diagnostics.DiagnosticSeverity.Error).Select(d => d with { File = shown }));
            return policy is not null;
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(copy)!, recursive: true);
        }
    }

    /// <summary>"a/b/" gives a/b/agenttestguard.policy.json, a/agenttestguard.policy.json, agenttestguard.policy.json.</summary>
    internal static IEnumerable<string> Candidates(string folderInTree)
    {
        var parts = folderInTree.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var depth = parts.Length; depth >= 0; depth--)
        {
            yield return string.Concat(parts.Take(depth).Select(p => p + "/")) + ConfigurationFileNames.Policy;
        }
    }
}
