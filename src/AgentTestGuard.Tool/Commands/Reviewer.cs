using AgentTestGuard.Approvals;
using AgentTestGuard.Selection;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Git;
using AgentTestGuard.Tool.Workspace;

namespace AgentTestGuard.Tool.Commands;

/// <summary>
/// What approve and reject share: the tests the patterns select, and the human making the
/// decision. Only a human decides: identities that look like agents or bots are refused, and so
/// is the agent that wrote the test.
/// </summary>
internal static class Reviewer
{
    /// <returns>The selected rows, or null after saying which patterns matched nothing.</returns>
    public static IReadOnlyList<AgentTestRow>? Select(RepositoryWorkspace workspace, IReadOnlyList<string> patterns, Output output)
    {
        var selection = TestSelector.Select(workspace.Rows.Select(r => r.Test.Id), patterns);
        foreach (var pattern in selection.Unmatched)
        {
            output.Error($"'{Output.Inert(pattern)}' matches no agent test. `dotnet agt status` lists them.");
        }

        if (selection.Unmatched.Count > 0)
        {
            return null;
        }

        var ids = selection.Ids.ToHashSet(StringComparer.Ordinal);
        return [.. workspace.Rows.Where(r => ids.Contains(r.Test.Id))];
    }

    /// <param name="folder">
    /// The folder the command was pointed at: the identity is that repository's, not that of
    /// wherever the tool was started.
    /// </param>
    /// <returns>The reviewer's identity, or null after saying why it is refused.</returns>
    public static string? Identify(string folder, IReadOnlyList<AgentTestRow> rows, string? by, Output output)
    {
        var (identity, problem) = GitIdentity.Resolve(folder, by);
        if (identity is null)
        {
            output.Error(problem!);
            return null;
        }

        foreach (var group in rows.GroupBy(r => r.Project.PolicyFile))
        {
            // Who may decide depends on the policy's agents and deny patterns.
            if (!ProjectPolicy.TryLoad(group.Key, output, out var policy))
            {
                return null;
            }

            foreach (var row in group)
            {
                var agents = (policy?.Agents ?? []).Append(row.Test.Agent);
                if (ApproverIdentity.WhyNotHuman(identity, agents, policy?.ApproverDenyPatterns) is { } why)
                {
                    output.Error($"refused: '{Output.Inert(identity)}' cannot decide on {Output.Inert(row.Test.Id)}: {why}. Only a human may approve or reject agent tests.");
                    return null;
                }
            }
        }

        return identity;
    }
}
