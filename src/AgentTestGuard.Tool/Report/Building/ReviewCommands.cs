namespace AgentTestGuard.Tool.Report.Building;

/// <summary>The commands a reviewer pastes: the test id quoted for a shell wherever a shell would read more into it.</summary>
internal static class ReviewCommands
{
    public static string Approve(string id) => $"dotnet agt approve {Inert.ShellArgument(id)}";

    /// <summary>With a placeholder the reviewer replaces: a rejection needs a reason, and only the reviewer knows it.</summary>
    public static string Reject(string id) => $"dotnet agt reject {Inert.ShellArgument(id)} --reason \"<what the agent got wrong>\"";
}
