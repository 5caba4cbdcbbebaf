using AgentTestGuard.Configuration;
using AgentTestGuard.Tool.Cli;

namespace AgentTestGuard.Tool.Workspace;

/// <summary>
/// Loads a project's policy for a command that decides by it (who may approve, whether approvals
/// must be signed). A policy that cannot be read must stop the command: read as "no policy", it
/// would quietly allow what the policy forbids.
/// </summary>
internal static class ProjectPolicy
{
    /// <param name="file">The policy file; null when the project has none, which is no policy.</param>
    /// <returns>false after printing the policy's errors with their positions.</returns>
    public static bool TryLoad(string? file, Output output, out Policy? policy)
    {
        policy = null;
        if (file is null)
        {
            return true;
        }

        policy = Policy.Load(file, out var diagnostics);
        if (policy is null)
        {
            output.Diagnostics(diagnostics);
            return false;
        }

        return true;
    }
}
