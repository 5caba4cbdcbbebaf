using AgentTestGuard.ContinuousIntegration;
using AgentTestGuard.Processes;

namespace AgentTestGuard.TestingPlatform.Record;

/// <summary>The commit under test: from the CI service's variables, else from git.</summary>
internal static class CodeRevisionReader
{
    public static CodeRevision? FromEnvironment(Func<string, string?> environment)
    {
        foreach (var name in CiServices.CommitVariables)
        {
            if (environment(name) is { Length: > 0 } value)
            {
                return new CodeRevision(value.Trim(), name);
            }
        }

        return null;
    }

    /// <summary>HEAD in <paramref name="directory"/>, from the repository's files or else from git; null when there is no repository.</summary>
    public static Task<CodeRevision?> FromGitAsync(string directory, CancellationToken cancellationToken)
    {
        var id = GitHeadFile.TryRead(directory, Environment.GetEnvironmentVariable, out var unsure);
        return id is not null ? Task.FromResult<CodeRevision?>(new CodeRevision(id, GitSource))
            : unsure ? FromGitProcessAsync(directory, cancellationToken)
            : Task.FromResult<CodeRevision?>(null);
    }

    private const string GitSource = "git";

    private static async Task<CodeRevision?> FromGitProcessAsync(string directory, CancellationToken cancellationToken)
    {
        try
        {
            var git = await ChildProcess.RunAsync(
                new ChildProcessStart { Program = "git", Arguments = ["rev-parse", "HEAD"], WorkingDirectory = directory, Timeout = TimeSpan.FromSeconds(5) },
                cancellationToken).ConfigureAwait(false);
            var id = git.Output.Trim();
            return git.Succeeded && id.Length > 0 ? new CodeRevision(id, GitSource) : null;
        }
        catch (OperationCanceledException)
        {
            // The run was cancelled: the record says nothing rather than something wrong.
            return null;
        }
    }
}
