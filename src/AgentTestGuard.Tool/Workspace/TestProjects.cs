using AgentTestGuard.Configuration;

namespace AgentTestGuard.Tool.Workspace;

/// <summary>A project's evaluation, as the files the commands use.</summary>
internal static class TestProjects
{
    public static TestProject Of(string projectFile, ProjectEvaluator.Evaluation evaluation)
    {
        // Without a ledger yet, the first approval creates it beside the policy (where the build looks
        // for it: the project's folder or above), else beside the project.
        var approvals = evaluation.ApprovalsFile
            ?? Path.Combine(Path.GetDirectoryName(evaluation.PolicyFile ?? projectFile)!, ConfigurationFileNames.Approvals);
        return new TestProject(projectFile, evaluation.AssemblyName, evaluation.Inventories, approvals, evaluation.PolicyFile, evaluation.Inputs)
        {
            Quarantines = evaluation.Quarantines,
        };
    }
}
