using System.Diagnostics;

namespace AgentTestGuard.TestingPlatform.Record;

/// <summary>The commit under test: from the CI service's variables, else from git.</summary>
internal static class CodeRevisionReader
{
    // GitHub Actions, Azure Pipelines, GitLab, Jenkins, TeamCity, Buildkite, CircleCI.
    private static readonly string[] Variables =
        ["GITHUB_SHA", "BUILD_SOURCEVERSION", "CI_COMMIT_SHA", "GIT_COMMIT", "BUILD_VCS_NUMBER", "BUILDKITE_COMMIT", "CIRCLE_SHA1"];

    public static CodeRevision? FromEnvironment(Func<string, string?> environment)
    {
        foreach (var name in Variables)
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
            var start = new ProcessStartInfo("git", ["rev-parse", "HEAD"])
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var git = Process.Start(start);
            if (git is null)
            {
                return null;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var output = await git.StandardOutput.ReadToEndAsync(timeout.Token).ConfigureAwait(false);
            await git.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            var id = output.Trim();
            return git.ExitCode == 0 && id.Length > 0 ? new CodeRevision(id, GitSource) : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or OperationCanceledException or IOException)
        {
            // No git, or not a repository: the record says nothing rather than something wrong.
            return null;
        }
    }
}
