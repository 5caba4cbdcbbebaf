using System.Diagnostics;

namespace AgentTestGuard.EndToEnd.Tests.Infrastructure;

/// <summary>A real git repository in a test's folder, committing as the identity a test names.</summary>
internal sealed class GitRepository
{
    private GitRepository(string root) => Root = root;

    public string Root { get; }

    public const string Human = "Dana Lee <dana@example.com>";

    public static GitRepository Init(string root)
    {
        var repository = new GitRepository(root);
        repository.Run("init", "-q", "-b", "main");
        repository.Run("config", "user.name", "Dana Lee");
        repository.Run("config", "user.email", "dana@example.com");
        repository.Run("config", "commit.gpgsign", "false");
        File.WriteAllText(Path.Combine(root, ".gitignore"), "bin/\nobj/\nruns/\n*.binlog\n");
        return repository;
    }

    /// <summary>
    /// Commits everything as <paramref name="author"/> ("Name &lt;email&gt;"), signed with an SSH
    /// key when <paramref name="sshSigningKey"/> names one.
    /// </summary>
    public void CommitAll(string message, string author = Human, string? sshSigningKey = null)
    {
        Run("add", "-A");
        string[] signing = sshSigningKey is null ? [] : ["-c", "gpg.format=ssh", "-c", "user.signingkey=" + sshSigningKey, "-c", "commit.gpgsign=true"];
        Run([.. signing,
            "-c", "user.name=" + author[..author.IndexOf('<', StringComparison.Ordinal)].Trim(),
            "-c", "user.email=" + author[(author.IndexOf('<', StringComparison.Ordinal) + 1)..^1],
            "commit", "-q", "-m", message]);
    }

    public string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The machine's git configuration must not decide anything here.
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEndAsync();
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        if (git.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error.Result}");
        }

        return output;
    }
}
