namespace AgentTestGuard.Tool.Workspace;

/// <summary>What a command needs of the test projects, which decides what loading them may cost.</summary>
internal enum WorkspaceNeeds
{
    /// <summary>The agent tests and their approval state: a project is built where its inventory is missing or out of date.</summary>
    AgentTests,

    /// <summary>
    /// Only the review record: the ledgers, policies and incident logs the build would use. A project
    /// is restored where its packages are not, never built, and no inventory is read.
    /// </summary>
    ReviewFiles,
}
