using AgentTestGuard.Approvals;

namespace AgentTestGuard.Tool.Git;

/// <summary>Who is running the tool: the repository's git identity, as "Name &lt;email&gt;".</summary>
internal static class GitIdentity
{
    /// <returns>The identity, or null with why none is known.</returns>
    public static (string? Identity, string? Problem) Resolve(string workingDirectory, string? by)
    {
        if (!string.IsNullOrWhiteSpace(by))
        {
            return ApproverIdentity.IsNameAndEmail(by)
                ? (by.Trim(), null)
                : (null, $"--by must be \"Name <email>\", not '{Inert.Quote(by)}'");
        }

        var name = Config(workingDirectory, "user.name");
        var email = Config(workingDirectory, "user.email");
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(email))
        {
            return (null, "git has no user.name and user.email here: set them (git config user.name / user.email) or pass --by \"Name <email>\"");
        }

        return ($"{name} <{email}>", null);
    }

    private static string? Config(string workingDirectory, string key) =>
        GitRunner.Run(workingDirectory, "config", "--get", key) is { ExitCode: 0 } result ? result.Output.Trim() : null;
}
