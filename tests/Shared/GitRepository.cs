using System.Diagnostics;

namespace AgentTestGuard.Tests.Shared;

/// <summary>
/// A real git repository in a folder a test chose, committing as the identity the test names.
/// Its git commands never see the machine's git configuration or identity variables.
/// Shared by the test projects (linked, not copied).
/// </summary>
internal class GitRepository
{
    public const string Human = "Dana Lee <dana@example.com>";

    protected GitRepository(string root) => Root = root;

    public string Root { get; }

    /// <summary>
    /// Stands in for the user's global git configuration: a file that does not exist, which git
    /// reads as empty (and nothing is left behind).
    /// </summary>
    public static string EmptyGlobalConfig { get; } =
        Path.Combine(Path.GetTempPath(), $"agt-no-gitconfig-{Guid.NewGuid():N}", "config");

    /// <summary>Variables that would override what a test's repository says: identities, dates, which repository.</summary>
    public static IReadOnlyList<string> OverridingVariables { get; } =
    [
        "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_AUTHOR_DATE",
        "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "GIT_COMMITTER_DATE", "EMAIL",
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_CEILING_DIRECTORIES",
        "GIT_CONFIG", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT",
    ];

    /// <summary>Makes <paramref name="root"/> (an existing folder) a repository on branch main.</summary>
    /// <param name="identity">The repository's user.name and user.email ("Name &lt;email&gt;"); none when null.</param>
    public static GitRepository Init(string root, string? identity = Human)
    {
        var repository = new GitRepository(root);
        repository.Configure(identity);
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

    /// <summary>Commits everything as <paramref name="author"/> ("Name &lt;email&gt;"), signed with an SSH key when one is given.</summary>
    /// <returns>The commit's id.</returns>
    public string CommitAll(string message, string author = Human, string? sshSigningKey = null)
    {
        Run("add", "-A");
        string[] signing = sshSigningKey is null
            ? ["-c", "commit.gpgsign=false"]
            : ["-c", "gpg.format=ssh", "-c", "user.signingkey=" + sshSigningKey, "-c", "commit.gpgsign=true"];
        Run([.. signing, "-c", "user.name=" + NameOf(author), "-c", "user.email=" + EmailOf(author), "commit", "-q", "-m", message]);
        return Run("rev-parse", "HEAD").Trim();
    }

    /// <summary>Runs git in the repository, isolated from the machine's configuration.</summary>
    /// <returns>What git printed.</returns>
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

        start.Environment["GIT_CONFIG_GLOBAL"] = EmptyGlobalConfig;
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        foreach (var name in OverridingVariables)
        {
            start.Environment.Remove(name);
        }

        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEndAsync();
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        return git.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error.Result}");
    }

    protected void Configure(string? identity)
    {
        Run("init", "-q", "-b", "main");
        Run("config", "commit.gpgsign", "false");
        if (identity is not null)
        {
            Run("config", "user.name", NameOf(identity));
            Run("config", "user.email", EmailOf(identity));
        }
    }

    private static string NameOf(string identity) => identity[..identity.IndexOf('<', StringComparison.Ordinal)].Trim();

    private static string EmailOf(string identity) => identity[(identity.IndexOf('<', StringComparison.Ordinal) + 1)..^1];
}

/// <summary>A <see cref="GitRepository"/> in a fresh temp folder of its own, deleted with it.</summary>
internal sealed class TempGitRepository : GitRepository, IDisposable
{
    private TempGitRepository(string root)
        : base(root)
    {
    }

    /// <param name="identity">The repository's user.name and user.email ("Name &lt;email&gt;"); none when null.</param>
    public static TempGitRepository Init(string? identity = Human)
    {
        var repository = new TempGitRepository(Directory.CreateTempSubdirectory("agt-git-").FullName);
        repository.Configure(identity);
        return repository;
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
}
