using System.Diagnostics;

namespace AgentTestGuard.Tool.Tests.TestSupport;

/// <summary>A real git repository in a fresh temp folder, deleted with it.</summary>
internal sealed class TempGitRepository : IDisposable
{
    public const string Human = "Dana Lee <dana@example.com>";

    private TempGitRepository(string root) => Root = root;

    public string Root { get; }

    /// <param name="identity">The repository's user.name and user.email ("Name &lt;email&gt;"); none when null.</param>
    public static TempGitRepository Init(string? identity = Human)
    {
        var repository = new TempGitRepository(Directory.CreateTempSubdirectory("agt-git-").FullName);
        repository.Git("init", "-q", "-b", "main");
        repository.Git("config", "commit.gpgsign", "false");
        if (identity is not null)
        {
            repository.Git("config", "user.name", NameOf(identity));
            repository.Git("config", "user.email", EmailOf(identity));
        }

        return repository;
    }

    public string PathOf(string name) => Path.Combine(Root, name);

    /// <returns>The file's path.</returns>
    public string Write(string name, string content)
    {
        var path = PathOf(name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Commits everything as <paramref name="author"/>, signed with an SSH key when one is given.</summary>
    /// <returns>The commit's id.</returns>
    public string CommitAll(string message, string author = Human, string? sshSigningKey = null)
    {
        Git("add", "-A");
        string[] signing = sshSigningKey is null
            ? ["-c", "commit.gpgsign=false"]
            : ["-c", "gpg.format=ssh", "-c", "user.signingkey=" + sshSigningKey, "-c", "commit.gpgsign=true"];
        Git([.. signing, "-c", "user.name=" + NameOf(author), "-c", "user.email=" + EmailOf(author), "commit", "-q", "-m", message]);
        return Git("rev-parse", "HEAD").Trim();
    }

    /// <summary>Runs git in the repository with the test process's isolated environment, and its own too.</summary>
    public string Git(params string[] arguments)
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

        start.Environment["GIT_CONFIG_GLOBAL"] = GitEnvironment.EmptyGlobalConfig;
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEndAsync();
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        return git.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error.Result}");
    }

    public void Dispose()
    {
        // git makes its object files read-only, which Windows refuses to delete.
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(Root, recursive: true);
    }

    private static string NameOf(string identity) => identity[..identity.IndexOf('<', StringComparison.Ordinal)].Trim();

    private static string EmailOf(string identity) => identity[(identity.IndexOf('<', StringComparison.Ordinal) + 1)..^1];
}
