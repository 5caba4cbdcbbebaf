using AgentTestGuard.Configuration;
using AgentTestGuard.History.Import;
using AgentTestGuard.History.Store;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Workspace;

namespace AgentTestGuard.Tool.History;

/// <summary>
/// What the history commands share: the repository (the nearest folder with .git above --path or
/// the current folder), its policy, and where its history is. They read the repository's files
/// directly and never build: the history is about runs that already happened.
/// </summary>
internal sealed record HistoryContext(string Root, Policy? Policy, HistoryLocation Location)
{
    /// <returns>null after printing why (a policy that cannot be read).</returns>
    public static HistoryContext? Load(string? path, string? store, Output output)
    {
        var folder = Path.GetFullPath(path ?? Directory.GetCurrentDirectory());
        if (System.IO.File.Exists(folder))
        {
            folder = Path.GetDirectoryName(folder)!;
        }

        var root = RepositoryRoot.Find(folder);
        if (!ProjectPolicy.TryLoad(RepositoryRoot.FindFile(folder, ConfigurationFileNames.Policy), output, out var policy))
        {
            return null;
        }

        var location = HistoryLocation.Resolve(store, Environment.GetEnvironmentVariable(HistoryLocation.EnvironmentVariable), policy?.HistoryStore, root);
        return new HistoryContext(root, policy, location);
    }

    /// <summary>The nearest repository file of that name, or where it would be created: beside the policy, else at the root.</summary>
    public string File(string name, string folder) =>
        RepositoryRoot.FindFile(folder, name) ?? Path.Combine(Policy is null ? Root : Path.GetDirectoryName(Policy.Path)!, name);

    /// <returns>null after printing why the store cannot be opened.</returns>
    public IHistoryStore? Open(Output output)
    {
        try
        {
            return Location.Open();
        }
        catch (HistoryStoreException e)
        {
            output.Error(e.Message);
            return null;
        }
    }
}
